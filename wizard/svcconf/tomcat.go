package svcconf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/cwsetup/cwsetup/wizard/host"
)

// XMLElement is one element of Tomcat's server.xml with its attributes.
type XMLElement struct {
	Name  string
	Attrs map[string]string
	Path  []string // ancestor element names, outermost first (Server, Service, Engine, Host)
}

// ServerXML is the parts of a Tomcat server.xml that matter here.
type ServerXML struct {
	File     string
	Elements []XMLElement // Connector, Executor, Valve, Host, Engine (comments are skipped)
}

var serverXMLElements = map[string]bool{"Connector": true, "Executor": true, "Valve": true, "Host": true, "Engine": true, "Service": true}

// ParseServerXML reads conf/server.xml.
func ParseServerXML(r host.Root, file string) (*ServerXML, error) {
	data, err := ReadRegular(r, file, maxFileSize)
	if err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	sx := &ServerXML{File: file}
	var path []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return sx, nil
		}
		if err != nil {
			return sx, Problem{File: file, Line: 0, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if serverXMLElements[t.Name.Local] {
				e := XMLElement{Name: t.Name.Local, Attrs: map[string]string{}, Path: append([]string(nil), path...)}
				for _, a := range t.Attr {
					e.Attrs[a.Name.Local] = a.Value
				}
				sx.Elements = append(sx.Elements, e)
			}
			path = append(path, t.Name.Local)
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
}

// Find returns the elements named name; for Valve, className may narrow
// it (a suffix such as "AccessLogValve").
func (s *ServerXML) Find(name, className string) []XMLElement {
	var out []XMLElement
	for _, e := range s.Elements {
		if e.Name == name && (className == "" || strings.HasSuffix(e.Attrs["className"], className)) {
			out = append(out, e)
		}
	}
	return out
}
