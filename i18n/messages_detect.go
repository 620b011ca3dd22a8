package i18n

// `cwsetup detect`: help, errors about the inspected root, human output.
const (
	DetectShort           Key = "detect.short"
	DetectLong            Key = "detect.long"
	DetectHost            Key = "detect.host"
	DetectUnknown         Key = "detect.unknown"
	DetectAgentMissing    Key = "detect.agent.missing"
	DetectAgent           Key = "detect.agent"
	DetectAgentRunning    Key = "detect.agent.running"
	DetectAgentStopped    Key = "detect.agent.stopped"
	DetectAgentConfig     Key = "detect.agent.config"
	DetectAgentNoConfig   Key = "detect.agent.no_config"
	DetectServices        Key = "detect.services"
	DetectNoServices      Key = "detect.no_services"
	DetectStateRunning    Key = "detect.state.running"
	DetectStateInstalled  Key = "detect.state.installed"
	DetectMPM             Key = "detect.mpm"
	DetectPools           Key = "detect.pools"
	DetectEvProcess       Key = "detect.evidence.process"
	DetectEvUnit          Key = "detect.evidence.unit"
	DetectEvBinary        Key = "detect.evidence.binary"
	DetectEvPackage       Key = "detect.evidence.package"
	DetectCheckOK         Key = "detect.check.ok"
	DetectCheckMismatch   Key = "detect.check.mismatch"
	DetectCheckSuggest    Key = "detect.check.suggest"
	DetectCheckEmpty      Key = "detect.check.empty"
	DetectCheckMissing    Key = "detect.check.missing"
	DetectCheckUnreadable Key = "detect.check.unreadable"
	DetectCheckJournal    Key = "detect.check.journal"
	DetectNoLogs          Key = "detect.no_logs"
	DetectSkipped         Key = "detect.skipped"
	DetectSkipPiped       Key = "detect.skip.piped"
	DetectSkipSyslog      Key = "detect.skip.syslog"
	DetectSkipVariable    Key = "detect.skip.variable"
	DetectProblem         Key = "detect.problem"
	ErrNoOSRelease        Key = "detect.err.no_os_release"
	ErrOSReleaseRead      Key = "detect.err.os_release_read"
	ErrOSReleaseBad       Key = "detect.err.os_release_bad"
	ErrOSReleaseNoID      Key = "detect.err.os_release_no_id"
)

var _ = add(map[Key]text{
	DetectShort: {
		en: "Show what is on this host: OS, CloudWatch agent, services and their log files",
		ko: "이 호스트의 OS, CloudWatch 에이전트, 서비스와 로그 파일을 보여 줍니다",
	},
	DetectLong: {
		en: "detect reads only the filesystem under --root (default /): /etc/os-release, /proc,\n" +
			"systemd unit files, the services' own config files and their logs. Each log's\n" +
			"timestamp_format is tried on the file's last lines; a mismatch is shown, never used\n" +
			"silently. Nothing is changed. The network is used only for the EC2 part: the\n" +
			"instance metadata service (IMDSv2), which must answer within 300 ms.\n\n" +
			"With --json the report goes to stdout as JSON (documented in README); otherwise a\n" +
			"table goes to stderr.",
		ko: "detect는 --root(기본값 /) 아래의 파일 시스템만 읽습니다: /etc/os-release, /proc,\n" +
			"systemd 유닛 파일, 각 서비스의 구성 파일과 로그 파일. 로그마다 timestamp_format을\n" +
			"파일의 마지막 줄들에 직접 맞춰 보고, 맞지 않으면 그대로 알려 줄 뿐 몰래 쓰지 않습니다.\n" +
			"아무것도 변경하지 않습니다. 네트워크는 EC2 정보를 인스턴스 메타데이터 서비스(IMDSv2)에\n" +
			"물을 때만 쓰며, 300ms 안에 답이 없으면 EC2가 아닌 것으로 봅니다.\n\n" +
			"--json을 주면 결과를 JSON으로 표준 출력에 씁니다(형식은 README 참고). 주지 않으면\n" +
			"표를 표준 오류에 씁니다.",
	},
	DetectHost: {
		en: "Host:   %s (%s %s, family %s), %s",
		ko: "호스트: %s (%s %s, 계열 %s), %s",
	},
	DetectUnknown:      {en: "unknown", ko: "알 수 없음"},
	DetectAgentMissing: {en: "Agent:  CloudWatch agent not installed", ko: "에이전트: CloudWatch 에이전트가 설치되어 있지 않습니다"},
	DetectAgent: {
		en: "Agent:  CloudWatch agent %s, %s, %s",
		ko: "에이전트: CloudWatch 에이전트 %s, %s, %s",
	},
	DetectAgentRunning:  {en: "running", ko: "실행 중"},
	DetectAgentStopped:  {en: "not running", ko: "실행 중 아님"},
	DetectAgentConfig:   {en: "config %s", ko: "구성 파일 %s"},
	DetectAgentNoConfig: {en: "no config.json yet", ko: "config.json 없음"},
	DetectServices:      {en: "Services (%d):", ko: "서비스 (%d개):"},
	DetectNoServices:    {en: "Services: none of the supported services were found", ko: "서비스: 지원하는 서비스를 찾지 못했습니다"},
	DetectStateRunning:  {en: "running", ko: "실행 중"},
	DetectStateInstalled: {
		en: "installed, stopped",
		ko: "설치됨, 중지됨",
	},
	DetectMPM:       {en: "MPM %s", ko: "MPM %s"},
	DetectPools:     {en: "pools %s", ko: "풀 %s"},
	DetectEvProcess: {en: "process", ko: "프로세스"},
	DetectEvUnit:    {en: "unit", ko: "유닛"},
	DetectEvBinary:  {en: "binary", ko: "실행 파일"},
	DetectEvPackage: {en: "package", ko: "패키지"},
	DetectCheckOK:   {en: "✓ format checked", ko: "✓ 형식 확인됨"},
	DetectCheckMismatch: {
		en: "✗ format does not match this line: %s",
		ko: "✗ 이 줄에서 형식이 맞지 않습니다: %s",
	},
	DetectCheckSuggest: {en: " (this format fits: %s)", ko: " (맞는 형식: %s)"},
	DetectCheckEmpty:   {en: "empty, format not checked yet", ko: "빈 파일이라 형식을 아직 확인하지 못했습니다"},
	DetectCheckMissing: {en: "no such file yet", ko: "파일이 아직 없습니다"},
	DetectCheckUnreadable: {
		en: "not readable by this user: run cwsetup as root to check it",
		ko: "이 사용자로는 읽을 수 없습니다: 확인하려면 root로 실행하세요",
	},
	DetectCheckJournal: {
		en: "systemd journal: entries carry their own timestamps",
		ko: "systemd 저널: 항목마다 자체 타임스탬프가 있습니다",
	},
	DetectNoLogs:  {en: "no log files", ko: "로그 파일 없음"},
	DetectSkipped: {en: "skipped %s (%s): %s", ko: "건너뜀 %s (%s): %s"},
	DetectSkipPiped: {
		en: "piped to a program, there is no file to follow",
		ko: "프로그램으로 파이프되어 따라갈 파일이 없습니다",
	},
	DetectSkipSyslog: {
		en: "goes to syslog or the journal, collected with the system log",
		ko: "syslog나 저널로 가므로 시스템 로그와 함께 수집됩니다",
	},
	DetectSkipVariable: {
		en: "the file name changes per request ($ variables)",
		ko: "요청마다 파일 이름이 바뀝니다($ 변수)",
	},
	DetectProblem: {en: "! config: %s", ko: "! 구성 문제: %s"},
	ErrNoOSRelease: {
		en: "%s has no etc/os-release (nor usr/lib/os-release): --root must be the top directory of a Linux system",
		ko: "%s 안에 etc/os-release(또는 usr/lib/os-release)가 없습니다: --root에는 리눅스 시스템의 최상위 디렉터리를 지정하세요",
	},
	ErrOSReleaseRead: {
		en: "cannot read %s: %v (run as root, or check --root)",
		ko: "%s을(를) 읽을 수 없습니다: %v (root로 실행하거나 --root를 확인하세요)",
	},
	ErrOSReleaseBad: {
		en: "%s line %d is not a KEY=value line: %s (the file is damaged; see os-release(5))",
		ko: "%s 의 %d번째 줄이 KEY=value 형식이 아닙니다: %s (파일이 손상되었습니다. os-release(5) 참고)",
	},
	ErrOSReleaseNoID: {
		en: "%s has no ID= line, so the distribution cannot be told",
		ko: "%s에 ID= 줄이 없어 배포판을 알 수 없습니다",
	},
})
