package tui

import (
	"context"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cwsetup/cwsetup/i18n"
)

// screen is one step of the wizard. It holds no domain logic: body shows
// session state, form fills the session's answers through bound pointers,
// enter starts the domain work the screen shows (detection, apply, …).
type screen struct {
	id    string
	title i18n.Key
	why   i18n.Key
	body  func(m *Model, width int) string // read-only content above the form; optional
	form  func(m *Model) *huh.Form
	enter func(m *Model) tea.Cmd // optional
	leave func(m *Model)         // stores what the form left in screen state; optional
	// submit runs when the form is done; stay keeps the wizard on the
	// screen (apply starts here and shows its progress).
	submit func(m *Model) (cmd tea.Cmd, stay bool)
	scroll bool // ↑/↓ scroll a long body (the form takes no arrows)
	// tail shows the end of a long body until the user scrolls: the
	// newest progress and the outcome (apply, verify).
	tail bool
	// again: a submit that stays lets the user change more here; accessible
	// mode asks the screen again.
	again bool
	// keys handles the screen's own keys before the form; optional.
	keys func(m *Model, k string) (tea.Cmd, bool)
	// live is a line under the body recomputed after each key (the live
	// format test); optional.
	live func(m *Model) string
}

// formDoneMsg says the form of screen generation gen was submitted.
type formDoneMsg struct{ gen int }

// quitDoneMsg says the quit dialog was answered.
type quitDoneMsg struct{ gen int }

// Model is the bubbletea model of the whole wizard.
type Model struct {
	sess    *Session
	p       i18n.Printer
	st      styles
	screens []screen
	cur     int
	gen     int // bumps whenever the form is rebuilt, so late messages are ignored
	form    *huh.Form
	first   huh.Field // the form's first field: shift+tab there goes to the previous screen
	showWhy bool
	w, h    int
	spin    spinner.Model
	busy    bool // a screen's domain work is running
	flash   string
	live    string
	ctx     context.Context

	accessible        bool          // plain prompts: bodies are printed whole
	applying          bool          // apply runs: keys cannot stop it half-way
	applyWait         chan struct{} // closed when the apply goroutine has returned
	stopped           chan struct{} // closed when the program has stopped
	scroll, scrollMax int
	scrolledByUser    bool // the user moved the body; tail stops following

	quit       *huh.Form // the quit dialog, when open
	quitChoice string
	savePath   string

	result Result
	ended  bool // accessible mode: a submit ended the wizard (result is set)

	hostChecking bool // the host screen asked IMDS (once)
	hostGo       bool // accessible mode: go on with this host

	now         func() time.Time // the clock of countdowns
	verifyStart time.Time        // when verify began waiting
}

// Outcome is how the wizard ended.
type Outcome int

const (
	Aborted   Outcome = iota // the user quit before Apply; nothing changed
	Completed                // every screen was done
)

// Result is what the wizard run left for its caller.
type Result struct {
	Outcome Outcome
	Lang    i18n.Lang
	// SaveTo is where the user asked to save the answers ("" for nowhere).
	SaveTo string
}

func newModel(s *Session) *Model {
	m := &Model{
		sess:    s,
		p:       i18n.New(s.Lang),
		st:      newStyles(),
		screens: flow(s),
		showWhy: true,
		w:       80,
		h:       24,
		spin:    spinner.New(spinner.WithSpinner(spinner.Line)),
		ctx:     context.Background(),
		stopped: make(chan struct{}),
		now:     time.Now,
	}
	m.result.Lang = s.Lang
	if s.StartAt != "" {
		for i, sc := range m.screens {
			if sc.id == s.StartAt {
				m.cur = i
			}
		}
	}
	return m
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return m.load() }

// load builds the current screen's form and starts its work.
func (m *Model) load() tea.Cmd {
	m.gen++
	gen := m.gen
	sc := m.screens[m.cur]
	m.form = sc.form(m).
		WithTheme(formTheme).
		WithKeyMap(keyMap(m.p))
	m.form.SubmitCmd = func() tea.Msg { return formDoneMsg{gen} }
	m.form.CancelCmd = nil
	m.live = ""
	m.fit()
	init := m.form.Init()
	m.first = m.form.GetFocusedField()
	m.updateLive()
	cmds := []tea.Cmd{init}
	if sc.enter != nil {
		cmds = append(cmds, sc.enter(m))
	}
	return tea.Batch(cmds...)
}

// rebuild redraws the current screen's form (after a language switch)
// without re-running its work; answers live in the session.
func (m *Model) rebuild() tea.Cmd {
	m.gen++
	gen := m.gen
	m.form = m.screens[m.cur].form(m).
		WithTheme(formTheme).
		WithKeyMap(keyMap(m.p))
	m.form.SubmitCmd = func() tea.Msg { return formDoneMsg{gen} }
	m.fit()
	init := m.form.Init()
	m.first = m.form.GetFocusedField()
	return init
}

// fit gives the form the room the frame leaves: the frame draws the
// form's errors under it and its keys above the footer itself, so neither
// takes the other's place.
func (m *Model) fit() {
	w := max(m.w-2, 20)
	for _, f := range []*huh.Form{m.form, m.quit} {
		if f == nil {
			continue
		}
		f.WithShowHelp(false).WithShowErrors(false)
	}
	avail := m.h - lipgloss.Height(m.top(w)) - lipgloss.Height(m.below(w)) - 1
	for _, f := range []*huh.Form{m.form, m.quit} {
		if f == nil {
			continue
		}
		h := max(avail, minForm)
		f.WithWidth(w).WithHeight(h)
		// huh's group height leaves out a line of its own; correct by
		// what it really draws.
		if over := lipgloss.Height(f.View()) - h; over > 0 {
			f.WithHeight(max(h-over, minForm))
		}
	}
}

// minForm is the least room a form gets: a question and its button.
const minForm = 4

// activeForm is the form keys go to: the quit dialog when it is open.
func (m *Model) activeForm() *huh.Form {
	if m.quit != nil {
		return m.quit
	}
	return m.form
}

// errorsView is the active form's validation errors, wrapped, for the
// line under the form.
func (m *Model) errorsView(w int) string {
	f := m.activeForm()
	if f == nil {
		return ""
	}
	var out []string
	for _, err := range f.Errors() {
		out = append(out, m.st.bad.Width(w).Render("✗ "+err.Error()))
	}
	return strings.Join(out, "\n")
}

// keysView is the focused field's keys, wrapped, for the line above the
// footer.
func (m *Model) keysView(w int) string {
	f := m.activeForm()
	if f == nil {
		return ""
	}
	h := f.Help()
	return lipgloss.NewStyle().Width(w).Render(h.ShortHelpView(f.KeyBinds()))
}

// below is what the frame draws under the form: errors, then keys.
func (m *Model) below(w int) string {
	if e := m.errorsView(w); e != "" {
		return e + "\n" + m.keysView(w)
	}
	return m.keysView(w)
}

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.fit()
		return m, nil
	case spinner.TickMsg:
		if !m.busy {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case formDoneMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		if m.busy {
			m.flash = m.p.T(i18n.TUIStillWorking)
			return m, m.rebuild()
		}
		return m, m.next()
	case quitDoneMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		return m, m.quitAnswered()
	case tea.KeyPressMsg:
		if cmd, done := m.key(msg); done {
			return m, cmd
		}
	}
	if r, ok := msg.(resultMsg); ok {
		cmd := r.apply(m)
		m.fit() // the body grew or shrank
		return m, cmd
	}
	var cmd tea.Cmd
	if m.quit != nil {
		var fm huh.Model
		fm, cmd = m.quit.Update(msg)
		m.quit = fm.(*huh.Form)
		if _, isKey := msg.(tea.KeyPressMsg); isKey {
			m.fit()
		}
		return m, cmd
	}
	fm, cmd := m.form.Update(msg)
	m.form = fm.(*huh.Form)
	if _, isKey := msg.(tea.KeyPressMsg); isKey {
		m.updateLive()
		m.fit() // an error may have appeared under the field, or gone
	}
	return m, cmd
}

// updateLive recomputes the screen's live line; the form gets the room
// that is left.
func (m *Model) updateLive() {
	live := ""
	if l := m.screens[m.cur].live; l != nil && m.quit == nil {
		live = l(m)
	}
	if live != m.live {
		m.live = live
		m.fit()
	}
}

// resultMsg is a domain result (detection done, an apply step, …) on its
// way into the session; the screen code that started the work defines it.
type resultMsg interface{ apply(m *Model) tea.Cmd }

// key handles the frame's own keys; done reports that the key was used.
func (m *Model) key(k tea.KeyPressMsg) (tea.Cmd, bool) {
	m.flash = ""
	switch k.String() {
	case "alt+esc": // Esc Esc typed fast arrives as one key: quit, as the dialog would
		if !m.applying && !m.sess.applyStarted {
			return m.abort(""), true
		}
		fallthrough
	case "ctrl+c", "esc":
		if k.String() == "esc" && m.quit == nil && m.searching() {
			return nil, false // ends the list's search
		}
		switch {
		case m.applying:
			m.flash = m.p.T(i18n.TUIApplyCannotStop)
			return nil, true
		case m.sess.applyStarted:
			// The server has changed: leaving now is finishing early.
			m.result.Outcome = Completed
			return tea.Quit, true
		case m.quit != nil:
			return m.abort(""), true
		}
		return m.openQuit(), true
	case "up", "k", "down", "j", "shift+up", "shift+down":
		// Arrows scroll a long body when the form has no use for them
		// (a Note); shift+arrows always do.
		_, note := m.form.GetFocusedField().(*huh.Note)
		if m.quit == nil && m.scrollMax > 0 && (note || strings.HasPrefix(k.String(), "shift+")) {
			if strings.Contains(k.String(), "up") || k.String() == "k" {
				m.scroll = max(m.scroll-1, 0)
			} else {
				m.scroll = min(m.scroll+1, m.scrollMax)
			}
			m.scrolledByUser = true
			return nil, true
		}
	case "f2":
		return m.switchLang(), true
	default:
		if sk := m.screens[m.cur].keys; sk != nil && m.quit == nil {
			if cmd, done := sk(m, k.String()); done {
				return cmd, true
			}
		}
	case "f1":
		m.showWhy = !m.showWhy
		m.fit()
		return nil, true
	case "?":
		if !m.typing() {
			m.showWhy = !m.showWhy
			m.fit()
			return nil, true
		}
	case "pgup":
		if m.quit == nil {
			return m.back(), true
		}
	case "shift+tab":
		if m.quit == nil && m.form.GetFocusedField() == m.first {
			return m.back(), true
		}
	}
	return nil, false
}

// searching reports whether a list's search is open.
func (m *Model) searching() bool {
	f, ok := m.form.GetFocusedField().(interface{ GetFiltering() bool })
	return ok && f.GetFiltering()
}

// typing reports whether the focused field takes text, so "?" is a letter.
func (m *Model) typing() bool {
	if m.quit == nil && m.searching() {
		return true
	}
	f := m.form
	if m.quit != nil {
		f = m.quit
	}
	switch f.GetFocusedField().(type) {
	case *huh.Input, *huh.Text:
		return true
	}
	return false
}

func (m *Model) next() tea.Cmd {
	sc := m.screens[m.cur]
	if sc.submit != nil {
		if cmd, stay := sc.submit(m); stay {
			return cmd
		}
	}
	if sc.leave != nil {
		sc.leave(m)
	}
	if m.cur+1 >= len(m.screens) {
		m.result.Outcome = Completed
		return tea.Quit
	}
	if m.sess.Lang != m.p.Lang {
		m.setLang(m.sess.Lang) // chosen on the welcome screen
	}
	m.cur++
	m.scroll, m.scrolledByUser = 0, false
	return m.load()
}

func (m *Model) back() tea.Cmd {
	if m.cur == 0 || m.busy || m.sess.applyStarted {
		return nil // after Apply there is no going back to change answers
	}
	m.cur--
	m.scroll, m.scrolledByUser = 0, false
	return m.load()
}

// switchLang flips between Korean and English. Korean needs a UTF-8
// locale; without one the hint says how to get it.
func (m *Model) switchLang() tea.Cmd {
	next := i18n.KO
	if m.sess.Lang == i18n.KO {
		next = i18n.EN
	}
	if next == i18n.KO && !m.sess.UTF8 {
		m.flash = m.p.T(i18n.TUINeedUTF8)
		return nil
	}
	m.setLang(next)
	if m.quit != nil {
		return m.openQuit()
	}
	return m.rebuild()
}

func (m *Model) setLang(l i18n.Lang) {
	m.sess.Lang = l
	m.p = i18n.New(l)
	m.result.Lang = l
}

// View implements tea.Model.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "cwsetup"
	return v
}

// render draws the frame: header, why, body, form, the form's errors,
// its keys and the footer; keys and footer sit on the last lines at any
// terminal height.
func (m *Model) render() string {
	w := max(m.w-2, 20)
	top := m.top(w)
	mid := trimBlankTail(m.activeForm().View())
	if e := m.errorsView(w); e != "" {
		mid += "\n" + e
	}
	out := lipgloss.JoinVertical(lipgloss.Left, top, mid)
	bottom := m.keysView(w) + "\n" + m.footer(w)
	if pad := m.h - lipgloss.Height(bottom) - lipgloss.Height(out); pad > 0 {
		out += strings.Repeat("\n", pad)
	}
	return lipgloss.NewStyle().PaddingLeft(1).Render(out + "\n" + bottom)
}

// trimBlankTail drops the blank lines a form pads its height with.
func trimBlankTail(s string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 1 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// topWithoutBody is the part of top a body can not use.
func (m *Model) topWithoutBody(w int) string { return m.topParts(w, false) }

// top is everything above the form.
func (m *Model) top(w int) string { return m.topParts(w, true) }

func (m *Model) topParts(w int, withBody bool) string {
	sc := m.screens[m.cur]
	step := m.p.T(i18n.TUIStep, m.cur+1, len(m.screens))
	title := m.p.T(sc.title)
	if m.quit != nil {
		title = m.p.T(i18n.TUIQuitTitle)
	}
	parts := []string{m.st.header.Render("cwsetup · "+step) + "  " + m.st.title.Render(title), ""}
	if m.showWhy && m.quit == nil {
		parts = append(parts, m.st.why.Width(w).Render(m.p.T(sc.why)), "")
	}
	if m.live != "" && m.quit == nil {
		st := m.st.ok
		if strings.HasPrefix(m.live, "✗") {
			st = m.st.warn
		}
		if !strings.HasPrefix(m.live, "✓") && !strings.HasPrefix(m.live, "✗") {
			st = m.st.dim
		}
		parts = append(parts, st.Width(w).Render(m.live), "")
	}
	if m.flash != "" {
		parts = append(parts, m.st.flash.Width(w).Render(m.flash), "")
	}
	if withBody && m.quit == nil && sc.body != nil {
		if b := sc.body(m, w); b != "" {
			// The body takes what the rest leaves; a longer one scrolls.
			rest := lipgloss.Height(strings.Join(parts, "\n")) + 1 + m.formRoom() +
				lipgloss.Height(m.keysView(w)+"\n"+m.footer(w))
			if e := m.errorsView(w); e != "" {
				rest += lipgloss.Height(e)
			}
			i := 2
			if m.showWhy {
				i = 4
			}
			parts = slices.Insert(parts, i, m.window(b, w, m.h-rest), "")
		}
	}
	return strings.Join(parts, "\n")
}

// formRoom is the height the current form needs under the body: its own
// lines, at least minForm.
func (m *Model) formRoom() int {
	f := m.activeForm()
	if f == nil {
		return minForm
	}
	return max(lipgloss.Height(trimBlankTail(f.View())), minForm-1) + 1
}

// window shows the part of a long text that fits in room lines, from the
// scroll offset; lines are wrapped to width, never cut. Accessible mode
// prints it whole.
func (m *Model) window(text string, width, room int) string {
	text = lipgloss.NewStyle().Width(width).Render(strings.TrimRight(text, "\n"))
	if m.accessible {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	room = max(room, 3)
	if len(lines) <= room {
		m.scrollMax, m.scroll = 0, 0
		return strings.Join(lines, "\n")
	}
	shown := room - 1 // the last line says where we are
	m.scrollMax = len(lines) - shown
	m.scroll = min(m.scroll, m.scrollMax)
	if m.screens[m.cur].tail && !m.scrolledByUser {
		m.scroll = m.scrollMax
	}
	view := lines[m.scroll : m.scroll+shown]
	return strings.Join(view, "\n") + "\n" + m.st.dim.Render(m.p.T(i18n.TUIScrollHint, m.scroll+1, m.scroll+shown, len(lines), m.scrollKeys()))
}

// scrolled is a body's long text; the frame windows every body (window).
func (m *Model) scrolled(text string, _ int) string { return text }

func (m *Model) footer(w int) string {
	other := i18n.Endonym(i18n.EN)
	if m.sess.Lang == i18n.EN {
		other = i18n.Endonym(i18n.KO)
		if !m.sess.UTF8 {
			other = m.p.T(i18n.TUILangKoreanASCII)
		}
	}
	whyKey := i18n.TUIFooterWhyHide
	if !m.showWhy {
		whyKey = i18n.TUIFooterWhyShow
	}
	k := m.st.key.Render
	items := []string{
		k("esc") + " " + m.p.T(i18n.TUIFooterQuit),
		k("F2") + " " + other,
		k("?") + " " + m.p.T(whyKey),
	}
	if m.applying {
		items = items[1:] // esc cannot stop apply half-way
	}
	if m.cur > 0 && !m.sess.applyStarted {
		items = append(items, k("pgup")+" "+m.p.T(i18n.TUIFooterBack))
	}
	return m.st.footer.Width(w).Render(strings.Join(items, m.st.dim.Render(" · ")))
}

// scrollKeys names the keys that scroll the body now.
func (m *Model) scrollKeys() string {
	if m.form == nil {
		return "↑/↓"
	}
	if _, note := m.form.GetFocusedField().(*huh.Note); note {
		return "↑/↓"
	}
	return "shift+↑/↓"
}

// verifyCountdown is the verify screen's waiting line: how long the wait
// for the marker line may still take, counted down each second.
func (m *Model) verifyCountdown() string {
	wait := m.sess.VerifyWait
	if wait <= 0 {
		return m.p.T(i18n.TUIVerifyWaiting)
	}
	left := (max(wait-m.now().Sub(m.verifyStart), 0) + time.Second - 1).Truncate(time.Second) // whole seconds, rounded up
	return m.p.T(i18n.TUIVerifyCountdown, left)
}
