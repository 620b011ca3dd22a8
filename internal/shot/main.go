// Command shot renders a terminal capture (tmux capture-pane -e -p: text
// with SGR colour codes) to a PNG, cell by cell, Hangul two cells wide,
// for the screenshots in docs/. It needs a monospaced font with Hangul
// (NanumGothicCoding, Debian package fonts-nanum-coding).
//
//	go run ./internal/shot -font /usr/share/fonts/truetype/nanum/NanumGothicCoding.ttf -o docs/x.png capture.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"strconv"
	"strings"

	"github.com/mattn/go-runewidth"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

type cell struct {
	r    rune
	fg   color.Color
	bold bool
}

var (
	bg      = color.RGBA{0x1e, 0x1e, 0x2e, 0xff}
	fgColor = color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
)

// ansi16 are xterm's first 16 colours.
var ansi16 = []color.RGBA{
	{0, 0, 0, 255}, {205, 49, 49, 255}, {13, 188, 121, 255}, {229, 229, 16, 255},
	{36, 114, 200, 255}, {188, 63, 188, 255}, {17, 168, 205, 255}, {229, 229, 229, 255},
	{102, 102, 102, 255}, {241, 76, 76, 255}, {35, 209, 139, 255}, {245, 245, 67, 255},
	{59, 142, 234, 255}, {214, 112, 214, 255}, {41, 184, 219, 255}, {255, 255, 255, 255},
}

func xterm256(n int) color.Color {
	switch {
	case n < 16:
		return ansi16[n]
	case n < 232:
		n -= 16
		v := func(x int) uint8 {
			if x == 0 {
				return 0
			}
			return uint8(55 + x*40)
		}
		return color.RGBA{v(n / 36), v(n / 6 % 6), v(n % 6), 255}
	}
	g := uint8(8 + (n-232)*10)
	return color.RGBA{g, g, g, 255}
}

// parse turns capture lines into cells, applying SGR colour codes.
func parse(lines []string) [][]cell {
	var grid [][]cell
	var fg color.Color = fgColor
	bold := false
	for _, l := range lines {
		var row []cell
		rs := []rune(l)
		for i := 0; i < len(rs); i++ {
			if rs[i] == 0x1b && i+1 < len(rs) && rs[i+1] == '[' {
				j := i + 2
				for j < len(rs) && (rs[j] < 0x40 || rs[j] > 0x7e) {
					j++
				}
				if j < len(rs) && rs[j] == 'm' {
					fg, bold = sgr(string(rs[i+2:j]), fg, bold)
				}
				i = j
				continue
			}
			row = append(row, cell{r: rs[i], fg: fg, bold: bold})
			if runewidth.RuneWidth(rs[i]) == 2 {
				row = append(row, cell{r: 0})
			}
		}
		grid = append(grid, row)
	}
	return grid
}

func sgr(params string, fg color.Color, bold bool) (color.Color, bool) {
	ps := strings.Split(params, ";")
	if params == "" {
		ps = []string{"0"}
	}
	for i := 0; i < len(ps); i++ {
		n, _ := strconv.Atoi(ps[i])
		switch {
		case n == 0:
			fg, bold = fgColor, false
		case n == 1:
			bold = true
		case n == 22:
			bold = false
		case n == 39:
			fg = fgColor
		case n >= 30 && n <= 37:
			fg = ansi16[n-30]
		case n >= 90 && n <= 97:
			fg = ansi16[n-90+8]
		case n == 38 && i+2 < len(ps) && ps[i+1] == "5":
			c, _ := strconv.Atoi(ps[i+2])
			fg = xterm256(c)
			i += 2
		case n == 38 && i+4 < len(ps) && ps[i+1] == "2":
			r, _ := strconv.Atoi(ps[i+2])
			g, _ := strconv.Atoi(ps[i+3])
			b, _ := strconv.Atoi(ps[i+4])
			fg = color.RGBA{uint8(r), uint8(g), uint8(b), 255}
			i += 4
		}
	}
	return fg, bold
}

func main() {
	fontPath := flag.String("font", "/usr/share/fonts/truetype/nanum/NanumGothicCoding.ttf", "monospaced TTF with Hangul")
	boldPath := flag.String("bold", "/usr/share/fonts/truetype/nanum/NanumGothicCodingBold.ttf", "its bold face")
	fallback := flag.String("fallback", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "font for glyphs the first lacks (✓, ✗, ·)")
	size := flag.Float64("size", 16, "font size in points (72 dpi)")
	out := flag.String("o", "shot.png", "PNG to write")
	cols := flag.Int("cols", 80, "terminal columns")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: shot [-font F] [-o out.png] capture.txt")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *fontPath, *boldPath, *fallback, *size, *out, *cols); err != nil {
		fmt.Fprintln(os.Stderr, "shot:", err)
		os.Exit(1)
	}
}

func face(path string, size float64) (font.Face, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := opentype.Parse(b)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

func run(in, fontPath, boldPath, fallbackPath string, size float64, out string, cols int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return err
	}
	regular, err := face(fontPath, size)
	if err != nil {
		return err
	}
	bold, err := face(boldPath, size)
	if err != nil {
		bold = regular
	}
	fb, err := face(fallbackPath, size)
	if err != nil {
		fb = regular
	}
	adv, _ := regular.GlyphAdvance('0')
	cw := adv.Ceil()
	m := regular.Metrics()
	ch := (m.Height).Ceil() + 2
	pad := 16
	grid := parse(lines)
	img := image.NewRGBA(image.Rect(0, 0, cols*cw+2*pad, len(grid)*ch+2*pad))
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	for y, row := range grid {
		for x, c := range row {
			if c.r == 0 || c.r == ' ' {
				continue
			}
			fc := regular
			if c.bold {
				fc = bold
			}
			if _, ok := fc.GlyphAdvance(c.r); !ok {
				fc = fb
			}
			d := font.Drawer{Dst: img, Src: &image.Uniform{c.fg}, Face: fc,
				Dot: fixed.P(pad+x*cw, pad+y*ch+m.Ascent.Ceil()+1)}
			d.DrawString(string(c.r))
		}
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := png.Encode(w, img); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
