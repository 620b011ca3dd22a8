// Package i18n is cwsetup's typed message catalog (Korean and English) and
// locale detection. Every user-facing string goes through it.
//
// Messages are declared per domain in messages_*.go files: a Key constant and
// its two texts, registered with add. catalog_test.go fails when a key lacks
// a language or when the two languages use different format verbs.
package i18n

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Lang is a supported UI language.
type Lang string

const (
	EN Lang = "en"
	KO Lang = "ko"
)

// Langs lists the supported languages in display order.
var Langs = []Lang{KO, EN}

// Key names one message in the catalog.
type Key string

// text holds one message in both languages. Texts are fmt formats.
type text struct{ en, ko string }

// sources are the messages_*.go maps, merged into catalog on first use:
// package init only records them, so a command that prints nothing pays
// no merge (start-up budget in docs/testing.md).
var sources []map[Key]text

// add registers messages; called from package-level var initialisers in the
// messages_*.go files.
func add(m map[Key]text) bool {
	sources = append(sources, m)
	return true
}

// catalog merges the sources on first use. A duplicate key is a
// programming error.
var catalog = sync.OnceValue(func() map[Key]text {
	n := 0
	for _, m := range sources {
		n += len(m)
	}
	c := make(map[Key]text, n)
	for _, m := range sources {
		for k, v := range m {
			if _, dup := c[k]; dup {
				panic("i18n: duplicate key " + string(k))
			}
			c[k] = v
		}
	}
	return c
})

// ParseLang accepts "ko", "en" (case-insensitive, with optional region and
// charset such as ko_KR.UTF-8). ok is false for anything else.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "ko" || strings.HasPrefix(s, "ko_") || strings.HasPrefix(s, "ko-") || strings.HasPrefix(s, "ko."):
		return KO, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en."):
		return EN, true
	}
	return EN, false
}

// Detect picks the language: the flag when set, else the first non-empty of
// LC_ALL, LC_MESSAGES, LANG. "ko*" means Korean; anything else (C, POSIX,
// en_US, unset) means English.
func Detect(flag string, getenv func(string) string) Lang {
	if l, ok := ParseLang(flag); ok && flag != "" {
		return l
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "ko") {
				return KO
			}
			return EN
		}
	}
	return EN
}

// UTF8Locale reports whether the effective locale can show Hangul: its
// charset is UTF-8. An unset locale counts as not UTF-8 (glibc's "C").
func UTF8Locale(getenv func(string) string) bool {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if s := getenv(v); s != "" {
			s = strings.ToLower(s)
			return strings.Contains(s, "utf-8") || strings.Contains(s, "utf8") || s == "c.utf-8"
		}
	}
	return false
}

// Printer renders catalog messages in one language.
type Printer struct{ Lang Lang }

// New returns a Printer for lang.
func New(lang Lang) Printer { return Printer{Lang: lang} }

// T formats the message for key. Arguments that are errors are localized
// too, durations are written in words (Duration), and in Korean each
// written particle pair ("을(를)") becomes the form that fits the word
// before it. A missing key renders as the key itself so it is visible in tests.
func (p Printer) T(k Key, args ...any) string {
	t, ok := catalog()[k]
	if !ok {
		return "!" + string(k)
	}
	f := t.en
	if p.Lang == KO {
		f = t.ko
	}
	if len(args) > 0 {
		args = copyArgs(args)
		for i, a := range args {
			switch a := a.(type) {
			case error:
				args[i] = p.Error(a)
			case time.Duration:
				args[i] = p.Duration(a)
			}
		}
		f = fmt.Sprintf(f, args...)
	}
	if p.Lang == KO {
		f = resolveParticles(f)
	}
	return f
}

// Error is an error that carries a catalog message, so callers can show it
// in the user's language. Usage marks errors in the user's own input
// (exit status 2).
type Error struct {
	Key   Key
	Args  []any
	Usage bool
}

// Errorf returns an *Error for key.
func Errorf(k Key, args ...any) *Error { return &Error{Key: k, Args: args} }

// UsageErrorf returns an *Error for key marked as bad user input.
func UsageErrorf(k Key, args ...any) *Error { return &Error{Key: k, Args: args, Usage: true} }

// Error renders the message in English (for logs and %v).
func (e *Error) Error() string { return New(EN).T(e.Key, copyArgs(e.Args)...) }

// Unwrap exposes wrapped errors among the arguments.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// Error localizes err: an *Error anywhere at the top of the chain is
// rendered in p's language; other errors keep their own text.
func (p Printer) Error(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e == err {
		return p.T(e.Key, copyArgs(e.Args)...)
	}
	if errors.As(err, &e) {
		// A foreign wrapper around a catalog error: show the catalog text,
		// which is what the user can act on.
		return p.T(e.Key, copyArgs(e.Args)...)
	}
	return p.localizeOS(err, err.Error())
}

// IsUsage reports whether err is (or wraps) a usage error.
func IsUsage(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Usage
}

func copyArgs(a []any) []any { return append([]any(nil), a...) }
