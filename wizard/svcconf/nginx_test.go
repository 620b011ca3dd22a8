package svcconf

import (
	"errors"
	"strings"
	"testing"
)

// Debian 12's nginx.conf (trimmed) and the default site.
var debianNginx = map[string]string{
	"/etc/nginx/nginx.conf": `user www-data;
worker_processes auto;
pid /run/nginx.pid;
error_log /var/log/nginx/error.log;
include /etc/nginx/modules-enabled/*.conf;

events {
	worker_connections 768;
	# multi_accept on;
}

http {
	sendfile on;
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log /var/log/nginx/access.log;
	gzip on;
	include /etc/nginx/conf.d/*.conf;
	include /etc/nginx/sites-enabled/*;
}
`,
	"/etc/nginx/mime.types": "types {\n    text/html                                        html htm shtml;\n}\n",
	"/etc/nginx/sites-available/default": `server {
	listen 80 default_server;
	root /var/www/html;
	index index.html index.htm index.nginx-debian.html;
	server_name _;
	location / {
		try_files $uri $uri/ =404;
	}
}
`,
	"/etc/nginx/sites-enabled/default": "->/etc/nginx/sites-available/default",
	"/etc/nginx/conf.d/shop.conf": `server {
    server_name "shop.example.com";
    access_log /var/log/nginx/shop.access.log main buffer=32k;
    access_log syslog:server=unix:/dev/log;
    error_log  /var/log/nginx/shop.error.log warn; # per site
    location /health { access_log off; }
}
`,
}

func TestNginxDebian(t *testing.T) {
	n, err := ParseNginx(mkroot(t, debianNginx), "/etc/nginx/nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Problems) != 0 {
		t.Errorf("problems: %v", n.Problems)
	}
	var got []string
	for _, d := range append(n.Find("error_log"), n.Find("access_log")...) {
		var ctx []string
		for _, b := range d.Context {
			ctx = append(ctx, b.String())
		}
		got = append(got, strings.Join(ctx, ">")+":"+d.Arg(0))
	}
	want := ":/var/log/nginx/error.log|http>server:/var/log/nginx/shop.error.log|http:/var/log/nginx/access.log|" +
		"http>server:/var/log/nginx/shop.access.log|http>server:syslog:server=unix:/dev/log|http>server>location /health:off"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("\n got %s\nwant %s", g, want)
	}
	if d := n.Find("try_files")[0]; len(d.Context) != 3 || d.File != "/etc/nginx/sites-enabled/default" || d.Line != 7 {
		t.Errorf("try_files %+v", d)
	}
}

func TestNginxCycleAndErrors(t *testing.T) {
	n, err := ParseNginx(mkroot(t, map[string]string{
		"/etc/nginx/nginx.conf":      "include conf.d/*.conf;\nhttp { include nginx.conf; }\n}\nerror_log x",
		"/etc/nginx/conf.d/a.conf":   "include conf.d/*.conf;\n",
		"/etc/nginx/conf.d/b.conf":   "server { listen 80;\n",
		"/etc/nginx/conf.d/bad.conf": "error_log \"unterminated;\n",
	}), "/etc/nginx/nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	var cycles int
	var msgs []string
	for _, p := range n.Problems {
		if errors.Is(p, ErrIncludeCycle) {
			cycles++
		}
		msgs = append(msgs, p.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, w := range []string{"unexpected }", "missing ;", "unclosed {", "unterminated"} {
		if !strings.Contains(all, w) {
			t.Errorf("no problem %q in\n%s", w, all)
		}
	}
	if cycles != 1 { // http { include nginx.conf }; a.conf's conf.d/*.conf is expanded once
		t.Errorf("cycles = %d\n%s", cycles, all)
	}
}

func FuzzNginx(f *testing.F) {
	f.Add(debianNginx["/etc/nginx/nginx.conf"])
	f.Add(debianNginx["/etc/nginx/conf.d/shop.conf"])
	f.Add("include *.conf; include nginx.conf; http { include ../../../*; } } { \"a\\\" ; 'b")
	f.Fuzz(func(t *testing.T, conf string) {
		r := mkroot(t, map[string]string{"/etc/nginx/nginx.conf": conf, "/etc/nginx/b.conf": "include *.conf;\nserver { include nginx.conf; }\n"})
		n, err := ParseNginx(r, "/etc/nginx/nginx.conf")
		if err != nil {
			return
		}
		if len(n.Files) > maxFiles {
			t.Fatalf("read %d files", len(n.Files))
		}
	})
}
