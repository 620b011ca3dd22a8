package i18n

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Korean particles whose form depends on the sound the word before them
// ends with. Catalog texts write both forms after a verb — "%s을(를)",
// "%s이(가)", "%s은(는)", "%s(으)로", "%s과(와)" — and Printer.T picks the
// one that fits the word the verb became, so the user never reads "을(를)".

// particles lists each written pair: the form after a final consonant
// (batchim), the form after a vowel.
var particles = []struct{ marker, consonant, vowel string }{
	{"을(를)", "을", "를"}, {"를(을)", "을", "를"},
	{"이(가)", "이", "가"}, {"가(이)", "이", "가"},
	{"은(는)", "은", "는"}, {"는(은)", "은", "는"},
	{"과(와)", "과", "와"}, {"와(과)", "과", "와"},
	{"(으)로", "으로", "로"},
	{"(이)나", "이나", "나"},
	{"(이)라", "이라", "라"},
	{"(이)면", "이면", "면"},
}

// final is the last sound of a word as a Korean reader says it.
type final int

const (
	finalVowel  final = iota // no batchim: 서버, log, 2
	finalRieul               // ㄹ: 파일, mail, 1 (으로 takes the 로 form)
	finalOther               // any other batchim: 그룹, json, 3
	finalUnsure              // nothing to go by (a symbol)
)

// Particle returns the form of a particle pair that follows word: pair is
// one of the written pairs ("을(를)", "이(가)", "은(는)", "(으)로", "과(와)",
// "(이)나", "(이)라"); the result is e.g. "를" for "서버", "을" for "그룹".
func Particle(word, pair string) string {
	for _, p := range particles {
		if p.marker == pair {
			return pick(p.marker, p.consonant, p.vowel, lastSound(word))
		}
	}
	return pair
}

func pick(marker, consonant, vowel string, f final) string {
	switch f {
	case finalOther:
		return consonant
	case finalRieul:
		if marker == "(으)로" {
			return vowel // 파일로, not 파일으로
		}
		return consonant
	}
	return vowel
}

// lastSound finds how word ends when read aloud. Hangul syllables carry it;
// digits are read as Sino-Korean numbers (1 일, 3 삼, 10 십, 100 백);
// Latin words go by their last letters as Korean borrows them (l → ㄹ,
// m/n/ng and b/k/p after a vowel → batchim; others take a vowel: log 로그, disk 디스크, root 루트).
// Closing quotes and brackets are skipped; a parenthetical attached to a
// word is read past, as Korean does: "36(웹 계층 + 여유분)으로" follows 36.
func lastSound(word string) final {
	s := skipParenthetical(strings.TrimRightFunc(word, unicode.IsSpace))
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune(`"'’”»)]}>`+"`", r) || unicode.IsSpace(r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		switch (r - 0xAC00) % 28 {
		case 0:
			return finalVowel
		case 8: // ㄹ
			return finalRieul
		}
		return finalOther
	case r >= '0' && r <= '9':
		return digitSound(s)
	case r < utf8.RuneSelf && unicode.IsLetter(r):
		lower := strings.ToLower(s)
		switch {
		case strings.HasSuffix(lower, "ng"), strings.HasSuffix(lower, "m"), strings.HasSuffix(lower, "n"):
			return finalOther
		case strings.HasSuffix(lower, "l"):
			return finalRieul
		case len(lower) >= 2 && strings.ContainsRune("bkp", rune(lower[len(lower)-1])) &&
			strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
			return finalOther // web 웹, bak 백, tip 팁
		}
		return finalVowel
	}
	return finalUnsure
}

// skipParenthetical cuts the balanced "(…)" groups s ends with when a word
// stands right before them; a group with nothing before it is kept, to be
// read from inside.
func skipParenthetical(s string) string {
	for strings.HasSuffix(s, ")") {
		depth, open := 0, -1
		for i := len(s) - 1; i >= 0; i-- {
			switch s[i] {
			case ')':
				depth++
			case '(':
				depth--
			}
			if depth == 0 {
				open = i
				break
			}
		}
		if open <= 0 {
			return s
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:open]); unicode.IsSpace(r) || strings.ContainsRune("(:=", r) {
			return s
		}
		s = s[:open]
	}
	return s
}

// digitSound reads the number s ends with: its last non-zero digit, or the
// unit of its trailing zeros (10 십, 100 백, 1000 천, 10000 만).
func digitSound(s string) final {
	end := len(s)
	start := end
	for start > 0 && s[start-1] >= '0' && s[start-1] <= '9' {
		start--
	}
	n := s[start:end]
	zeros := len(n) - len(strings.TrimRight(n, "0"))
	if zeros == len(n) {
		return finalOther // 영
	}
	switch zeros {
	case 1, 2: // 십, 백
		return finalOther
	case 3, 4: // 천, 만
		return finalOther
	}
	switch n[len(n)-1] {
	case '1', '7', '8': // 일, 칠, 팔
		return finalRieul
	case '3', '6': // 삼, 육
		return finalOther
	}
	return finalVowel // 이, 사, 오, 구 (and 5 as 오)
}

// resolveParticles replaces every written pair in s by the form that
// fits the word before it.
func resolveParticles(s string) string {
	if !strings.ContainsRune(s, '(') {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		matched := false
		if s[i] == '(' || s[i] >= utf8.RuneSelf {
			for _, p := range particles {
				if strings.HasPrefix(s[i:], p.marker) {
					b.WriteString(pick(p.marker, p.consonant, p.vowel, lastSound(b.String())))
					i += len(p.marker)
					matched = true
					break
				}
			}
		}
		if !matched {
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+n])
			i += n
		}
	}
	return b.String()
}

// Duration is a length of time for people in p's language, in whole
// units: "60초", "1분 30초", "2시간 5분"; "60s", "1 min 30 s", "2 h 5 min".
// Below ten seconds it keeps tenths ("1.5초").
func (p Printer) Duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	if d < 10*time.Second && d%time.Second != 0 {
		tenths := (d + 50*time.Millisecond) / (100 * time.Millisecond)
		return p.T(DurSecondsFrac, int(tenths/10), int(tenths%10))
	}
	d = d.Round(time.Second)
	h, mnt, sec := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	var parts []string
	if h > 0 {
		parts = append(parts, p.T(DurHours, h))
	}
	if mnt > 0 {
		parts = append(parts, p.T(DurMinutes, mnt))
	}
	// Under two minutes a round minute reads better as seconds: "60초".
	if h == 0 && mnt == 1 && sec == 0 {
		return p.T(DurSeconds, 60)
	}
	if sec > 0 || len(parts) == 0 {
		parts = append(parts, p.T(DurSeconds, sec))
	}
	return strings.Join(parts, " ")
}

// Durations are written with these.
const (
	DurHours       Key = "dur.hours"
	DurMinutes     Key = "dur.minutes"
	DurSeconds     Key = "dur.seconds"
	DurSecondsFrac Key = "dur.seconds_frac"
)

var _ = add(map[Key]text{
	DurHours:       {en: "%d h", ko: "%d시간"},
	DurMinutes:     {en: "%d min", ko: "%d분"},
	DurSeconds:     {en: "%d s", ko: "%d초"},
	DurSecondsFrac: {en: "%d.%d s", ko: "%d.%d초"},
})
