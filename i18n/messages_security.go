package i18n

// Hostile input: bounded answers files, log paths cwsetup refuses, sample
// lines and include expansion over a hostile host (host content is untrusted: docs/architecture.md).
const (
	ErrAnswersTooLarge Key = "security.answers_too_large"
	AnsTooManyLogs     Key = "security.too_many_logs"
	AnsDupKey          Key = "security.dup_key"

	AnsPathEmpty    Key = "security.path.empty"
	AnsPathTooLong  Key = "security.path.too_long"
	AnsPathControl  Key = "security.path.control"
	AnsPathUTF8     Key = "security.path.utf8"
	AnsPathDotDot   Key = "security.path.dotdot"
	AnsPathNotClean Key = "security.path.not_clean"
	AnsPathPseudo   Key = "security.path.pseudo"
	AnsPathSecret   Key = "security.path.secret"
	AnsPathKey      Key = "security.path.key_material"

	ErrOutsideRoot Key = "security.outside_root"

	ApplyLeftNothing  Key = "security.apply_left.nothing"
	ApplyLeftRestored Key = "security.apply_left.restored"
	ApplyLeftRemoved  Key = "security.apply_left.removed"
	ApplyLeftStuck    Key = "security.apply_left.stuck"
	ApplyLeftAgent    Key = "security.apply_left.agent"
	AnsMultiTSPart    Key = "security.multi_ts_part"
	ProbMultiNoMatch  Key = "security.multi_no_match"

	DetectSkipRefused     Key = "security.detect.skip_refused"
	DetectSkipBadPath     Key = "security.detect.skip_bad_path"
	DetectCheckNotRegular Key = "security.detect.not_regular"
	DetectCheckError      Key = "security.detect.error"
)

var _ = add(map[Key]text{
	ErrAnswersTooLarge: {
		en: "the answers file %s is larger than %d KiB; an answers file lists logs and settings and is never that large. Check that it is the right file",
		ko: "답변 파일 %s의 크기가 %d KiB보다 큽니다. 답변 파일은 로그와 설정 목록이라 이렇게 클 수 없습니다. 올바른 파일인지 확인하세요",
	},
	AnsTooManyLogs: {
		en: "logs: %d entries; at most %d are accepted. Each entry is a file the agent follows with its own open file, reader and upload queue, so an agent with thousands of them starts slowly, holds thousands of descriptors and spends its CPU on them; use one glob (/var/log/app/*.log) for many files of one log",
		ko: "logs: 항목이 %d개입니다. 최대 %d개까지 받습니다. 항목마다 에이전트가 파일을 열어 두고 읽기와 업로드 대기열을 따로 두므로, 항목이 수천 개면 에이전트가 늦게 시작하고 파일 디스크립터와 CPU를 많이 씁니다. 같은 로그의 여러 파일은 glob 하나(/var/log/app/*.log)로 적으세요",
	},
	AnsDupKey: {
		en: "%s (line %d): the key %q appears again (first at line %d); write each key once, or the later value would silently win",
		ko: "%s (%d번째 줄): 키 %q 중복 (처음은 %d번째 줄). 나중 값이 말없이 앞의 값을 덮어쓰지 않도록 키는 한 번만 쓰세요",
	},

	AnsPathEmpty: {
		en: "%s: the path is empty; give the log file's absolute path (globs allowed)",
		ko: "%s: 경로가 비어 있습니다. 로그 파일의 절대 경로를 적으세요 (glob 가능)",
	},
	AnsPathTooLong: {
		en: "%s: the path is %d bytes long; at most %d are accepted",
		ko: "%s: 경로 길이가 %d바이트입니다. 최대 %d바이트까지 받습니다",
	},
	AnsPathControl: {
		en: "%s: %q contains a control character (NUL, newline, tab, escape…); a log path has none",
		ko: "%s: %q 안에 제어 문자(NUL, 줄바꿈, 탭, 이스케이프 등)가 있습니다. 로그 경로에는 제어 문자가 없어야 합니다",
	},
	AnsPathUTF8: {
		en: "%s: %q is not valid UTF-8",
		ko: "%s: 경로 %q: 올바른 UTF-8 문자열이 아닙니다",
	},
	AnsPathDotDot: {
		en: "%s: %q has a \"..\" segment; write the path without it",
		ko: "%s: %q에 \"..\" 구간이 있습니다. \"..\" 없이 경로를 적으세요",
	},
	AnsPathNotClean: {
		en: "%s: %q is not written plainly; write it as %q",
		ko: "%s: 경로 %q: 군더더기 없이 다음처럼 적으세요: %q",
	},
	AnsPathPseudo: {
		en: "%s: %q is (or can match) a path under /proc, /sys or /dev: kernel interfaces and devices, not log files. cwsetup never reads or ships them",
		ko: "%s: 경로 %q: /proc, /sys, /dev 아래 경로이거나 그런 경로와 일치할 수 있습니다. 커널 인터페이스와 장치는 로그 파일이 아니므로 cwsetup은 읽거나 보내지 않습니다",
	},
	AnsPathSecret: {
		en: "%s: %q is (or can match) a file that holds secrets: /etc/shadow, SSH private keys, AWS credentials. cwsetup never reads or ships it; choose the log file itself",
		ko: "%s: 경로 %q: 비밀 정보가 든 파일(/etc/shadow, SSH 개인 키, AWS 자격 증명)이거나 그런 파일과 일치할 수 있습니다. cwsetup은 이런 파일을 읽거나 보내지 않습니다. 로그 파일 자체를 고르세요",
	},
	AnsPathKey: {
		en: "%s: %q is (or can match) key material (*.pem, *.key, *.p12 …) outside a log directory. cwsetup never reads or ships it; a real log belongs under a log directory (…/log/ or …/logs/), and a glob can name only the log files (*.log)",
		ko: "%s: 경로 %q: 로그 디렉터리 밖의 키 파일(*.pem, *.key, *.p12 등)이거나 그런 파일과 일치할 수 있습니다. cwsetup은 이런 파일을 읽거나 보내지 않습니다. 실제 로그라면 로그 디렉터리(…/log/, …/logs/) 아래에 두고, glob은 로그 파일만(*.log) 가리키게 적으세요",
	},

	ApplyLeftNothing: {
		en: "interrupted before config.json was written: nothing was changed; the lock %s is released",
		ko: "config.json을 쓰기 전에 중단했습니다. 아무것도 변경하지 않았고 잠금을 해제했습니다(%s)",
	},
	ApplyLeftRestored: {
		en: "interrupted: config.json is the previous config again, copied back from the backup %s (which stays), and the agent loaded it; the lock %s is released",
		ko: "중단했습니다. config.json을 이전 구성으로 되돌리고(백업 %s에서 복사, 백업은 남겨 둠) 에이전트가 다시 읽게 했습니다. 잠금을 해제했습니다(%s)",
	},
	ApplyLeftRemoved: {
		en: "interrupted: the new %s was removed (there was none before); the lock %s is released",
		ko: "중단했습니다. 새로 쓴 파일을 지웠습니다(%s, 이전에는 없던 파일). 잠금을 해제했습니다(%s)",
	},
	ApplyLeftStuck: {
		en: "interrupted: the new config.json is still in place and could not be put back (see above); the previous one is in %s; the lock %s is released",
		ko: "중단했습니다. 새 config.json이 그대로 있고 되돌리지 못했습니다(위 참고). 이전 구성은 %s에 있습니다. 잠금을 해제했습니다(%s)",
	},
	ApplyLeftAgent: {
		en: "the CloudWatch agent this run installed stays installed",
		ko: "이번 실행에서 설치한 CloudWatch 에이전트는 설치된 채로 둡니다",
	},
	ErrOutsideRoot: {
		en: "%s under --root %s leads outside it through a symbolic link (%v); cwsetup reads and writes only inside --root. Replace the link with the file itself",
		ko: "--root %[2]s 아래의 %[1]s 경로가 심볼릭 링크를 거쳐 --root 밖을 가리킵니다 (%[3]v). cwsetup은 --root 안에서만 읽고 씁니다. 링크를 실제 파일로 바꾸세요",
	},
	AnsMultiTSPart: {
		en: "%s: %q uses {timestamp_format} inside a pattern; the agent substitutes it only when it is the whole value. Write exactly {timestamp_format}, or a regular expression without it",
		ko: "%s: %q: 패턴 안에 {timestamp_format}이 들어 있습니다. 에이전트는 값 전체가 {timestamp_format}일 때만 치환합니다. 정확히 {timestamp_format}만 쓰거나, 이를 뺀 정규 표현식을 쓰세요",
	},
	ProbMultiNoMatch: {
		en: "%s: multi_line_start %q matches none of the file's last %d lines; the agent would never see an event start and stops publishing the file. Use a pattern that matches the first line of each event",
		ko: "%s: multi_line_start %q: 파일의 마지막 %d줄 중 어느 줄과도 일치하지 않습니다. 이대로면 에이전트가 이벤트의 시작을 찾지 못해 이 파일을 보내지 않습니다. 각 이벤트의 첫 줄과 일치하는 패턴을 쓰세요",
	},

	DetectSkipRefused: {
		en: "not a log file (secrets, /proc, /sys or /dev): cwsetup never reads or ships it",
		ko: "로그 파일이 아닙니다 (비밀 정보, /proc, /sys, /dev). cwsetup은 읽거나 보내지 않습니다",
	},
	DetectSkipBadPath: {
		en: "a path the agent cannot be given (control characters, not UTF-8, or over 4 KiB)",
		ko: "에이전트에 넘길 수 없는 경로입니다 (제어 문자, 잘못된 UTF-8, 4 KiB 초과)",
	},
	DetectCheckNotRegular: {
		en: "not a regular file (a directory, FIFO, socket or device): the agent cannot follow it",
		ko: "일반 파일이 아닙니다 (디렉터리, FIFO, 소켓, 장치). 에이전트가 따라 읽을 수 없습니다",
	},
	DetectCheckError: {
		en: "cannot be read: %s",
		ko: "읽을 수 없습니다: %s",
	},
})
