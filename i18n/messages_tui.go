package i18n

// The interactive wizard (tui/ and cmd_wizard.go): frame, keys, screens and
// the "why" paragraphs for people new to AWS.
const (
	TUIFlagAccessible  Key = "tui.flag.accessible"
	TUIFlagSaveAnswers Key = "tui.flag.save_answers"
	TUIErrNoTerminal   Key = "tui.err.no_terminal"
	TUIHintUTF8        Key = "tui.hint.utf8"
	TUIAbortedSaved    Key = "tui.aborted_saved"
	TUISaved           Key = "tui.saved"
	TUIErrSave         Key = "tui.err.save"
	TUISaveUnavailable Key = "tui.save_unavailable"
	TUIDone            Key = "tui.done"

	TUIKeyComplete   Key = "tui.key.complete"
	TUIKeyBack       Key = "tui.key.back"
	TUIKeyNext       Key = "tui.key.next"
	TUIKeySubmit     Key = "tui.key.submit"
	TUIKeyNewLine    Key = "tui.key.new_line"
	TUIKeySelect     Key = "tui.key.select"
	TUIKeyUp         Key = "tui.key.up"
	TUIKeyDown       Key = "tui.key.down"
	TUIKeyLeft       Key = "tui.key.left"
	TUIKeyRight      Key = "tui.key.right"
	TUIKeyHalfUp     Key = "tui.key.half_up"
	TUIKeyHalfDown   Key = "tui.key.half_down"
	TUIKeyTop        Key = "tui.key.top"
	TUIKeyBottom     Key = "tui.key.bottom"
	TUIKeyConfirm    Key = "tui.key.confirm"
	TUIKeyToggle     Key = "tui.key.toggle"
	TUIKeySelectAll  Key = "tui.key.select_all"
	TUIKeySelectNone Key = "tui.key.select_none"
	TUIYes           Key = "tui.yes"
	TUINo            Key = "tui.no"
	TUINext          Key = "tui.next"

	TUIStep             Key = "tui.step"
	TUINeedUTF8         Key = "tui.need_utf8"
	TUILangKoreanNoUTF8 Key = "tui.lang.korean_no_utf8"
	TUILangKoreanASCII  Key = "tui.lang.korean_ascii"
	TUIFooterQuit       Key = "tui.footer.quit"
	TUIFooterWhyHide    Key = "tui.footer.why_hide"
	TUIFooterWhyShow    Key = "tui.footer.why_show"
	TUIFooterBack       Key = "tui.footer.back"
	TUIStillWorking     Key = "tui.still_working"
	TUIWorking          Key = "tui.working"
	TUIUnknown          Key = "tui.unknown"

	TUIQuitTitle          Key = "tui.quit.title"
	TUIQuitQuestion       Key = "tui.quit.question"
	TUIQuitNothingChanged Key = "tui.quit.nothing_changed"
	TUIQuitNow            Key = "tui.quit.now"
	TUIQuitSave           Key = "tui.quit.save"
	TUIQuitContinue       Key = "tui.quit.continue"
	TUIQuitSavePath       Key = "tui.quit.save_path"
	TUIQuitSavePathEmpty  Key = "tui.quit.save_path_empty"

	TUIWelcomeTitle    Key = "tui.welcome.title"
	TUIWelcomeWhy      Key = "tui.welcome.why"
	TUIWelcomeLang     Key = "tui.welcome.lang"
	TUIWelcomeLangHelp Key = "tui.welcome.lang_help"

	TUIHostTitle         Key = "tui.host.title"
	TUIHostWhy           Key = "tui.host.why"
	TUIHostContinue      Key = "tui.host.continue"
	TUIHostDetecting     Key = "tui.host.detecting"
	TUIHostDetectFailed  Key = "tui.host.detect_failed"
	TUIHostOS            Key = "tui.host.os"
	TUIHostArch          Key = "tui.host.arch"
	TUIHostAgent         Key = "tui.host.agent"
	TUIHostAgentMissing  Key = "tui.host.agent_missing"
	TUIHostAgentRunning  Key = "tui.host.agent_running"
	TUIHostAgentStopped  Key = "tui.host.agent_stopped"
	TUIHostServices      Key = "tui.host.services"
	TUIHostServicesCount Key = "tui.host.services_count"
	TUIHostCannotGoOn    Key = "tui.host.cannot_go_on"

	TUILogsTitle    Key = "tui.logs.title"
	TUILogsWhy      Key = "tui.logs.why"
	TUIRoleTitle    Key = "tui.role.title"
	TUIRoleWhy      Key = "tui.role.why"
	TUIDestTitle    Key = "tui.dest.title"
	TUIDestWhy      Key = "tui.dest.why"
	TUIMetricsTitle Key = "tui.metrics.title"
	TUIMetricsWhy   Key = "tui.metrics.why"
	TUIIAMTitle     Key = "tui.iam.title"
	TUIIAMWhy       Key = "tui.iam.why"
	TUIReviewTitle  Key = "tui.review.title"
	TUIReviewWhy    Key = "tui.review.why"
	TUIApplyTitle   Key = "tui.apply.title"
	TUIApplyWhy     Key = "tui.apply.why"
	TUIVerifyTitle  Key = "tui.verify.title"
	TUIVerifyWhy    Key = "tui.verify.why"
	TUISizingTitle  Key = "tui.sizing.title"
	TUISizingWhy    Key = "tui.sizing.why"
)

var _ = add(map[Key]text{
	TUIFlagAccessible: {
		en: "plain numbered prompts instead of the full-screen UI (screen readers; also with TERM=dumb)",
		ko: "전체 화면 대신 번호로 고르는 단순한 질문 방식 (화면 낭독기용, TERM=dumb일 때도 사용)",
	},
	TUIFlagSaveAnswers: {
		en: "save the answers to this file at the end (replay with 'cwsetup apply --answers FILE')",
		ko: "마지막에 답변을 이 파일에 저장 ('cwsetup apply --answers 파일'로 다시 적용 가능)",
	},
	TUIErrNoTerminal: {
		en: "the wizard needs a terminal, and neither stdin nor /dev/tty is one. Without a terminal, run 'cwsetup apply --answers FILE' (see 'cwsetup config' for what it will write)",
		ko: "마법사는 터미널이 필요한데 표준 입력도 /dev/tty도 터미널이 아닙니다. 터미널 없이 설정하려면 'cwsetup apply --answers 파일'을 실행하세요 (쓰게 될 구성은 'cwsetup config'로 미리 볼 수 있습니다)",
	},
	TUIHintUTF8: {
		en: "note: the locale is not UTF-8 (LANG=%s), so Korean would be garbled; showing English. For Korean run: LANG=ko_KR.UTF-8 cwsetup (or LANG=C.UTF-8 cwsetup --lang ko)",
		ko: "참고: 로캘이 UTF-8이 아니어서(LANG=%s) 한국어가 깨져 보이므로 영어로 표시합니다. 한국어로 보려면 LANG=ko_KR.UTF-8 cwsetup (또는 LANG=C.UTF-8 cwsetup --lang ko)으로 실행하세요",
	},
	TUIAbortedSaved: {
		en: "answers saved to %s; apply them later with: cwsetup apply --answers %s",
		ko: "답변을 %s에 저장했습니다. 나중에 적용하려면: cwsetup apply --answers %s",
	},
	TUISaved:           {en: "answers saved to %s", ko: "답변을 %s에 저장했습니다"},
	TUIErrSave:         {en: "cannot save the answers to %s: %v", ko: "답변을 %s에 저장할 수 없습니다: %v"},
	TUISaveUnavailable: {en: "there are no answers to save yet (the wizard stopped before the host was detected)", ko: "아직 저장할 답변이 없습니다 (서버를 확인하기 전에 마법사를 끝냈습니다)"},
	TUIDone:            {en: "cwsetup: done", ko: "cwsetup: 완료했습니다"},

	TUIKeyComplete:   {en: "complete", ko: "자동 완성"},
	TUIKeyBack:       {en: "back", ko: "이전"},
	TUIKeyNext:       {en: "next", ko: "다음"},
	TUIKeySubmit:     {en: "submit", ko: "확인"},
	TUIKeyNewLine:    {en: "new line", ko: "줄 바꿈"},
	TUIKeySelect:     {en: "select", ko: "선택"},
	TUIKeyUp:         {en: "up", ko: "위"},
	TUIKeyDown:       {en: "down", ko: "아래"},
	TUIKeyLeft:       {en: "left", ko: "왼쪽"},
	TUIKeyRight:      {en: "right", ko: "오른쪽"},
	TUIKeyHalfUp:     {en: "½ page up", ko: "반 페이지 위"},
	TUIKeyHalfDown:   {en: "½ page down", ko: "반 페이지 아래"},
	TUIKeyTop:        {en: "go to start", ko: "처음으로"},
	TUIKeyBottom:     {en: "go to end", ko: "끝으로"},
	TUIKeyConfirm:    {en: "confirm", ko: "확인"},
	TUIKeyToggle:     {en: "toggle", ko: "선택/해제"},
	TUIKeySelectAll:  {en: "select all", ko: "모두 선택"},
	TUIKeySelectNone: {en: "select none", ko: "모두 해제"},
	TUIYes:           {en: "Yes", ko: "예"},
	TUINo:            {en: "No", ko: "아니요"},
	TUINext:          {en: "Next", ko: "다음"},

	TUIStep: {en: "step %d of %d", ko: "%d/%d 단계"},
	TUINeedUTF8: {
		en: "Korean needs a UTF-8 locale. Quit and run: LANG=ko_KR.UTF-8 cwsetup",
		ko: "한국어를 표시하려면 UTF-8 로캘이 필요합니다. 종료 후 LANG=ko_KR.UTF-8 cwsetup 으로 실행하세요",
	},
	TUILangKoreanASCII:  {en: "Korean", ko: "한국어"},
	TUILangKoreanNoUTF8: {en: "Korean (needs a UTF-8 locale)", ko: "한국어 (UTF-8 로캘 필요)"},
	TUIFooterQuit:       {en: "quit", ko: "끝내기"},
	TUIFooterWhyHide:    {en: "hide why", ko: "설명 숨기기"},
	TUIFooterWhyShow:    {en: "show why", ko: "설명 보기"},
	TUIFooterBack:       {en: "previous screen", ko: "이전 화면"},
	TUIStillWorking:     {en: "still working, one moment", ko: "아직 작업 중입니다. 잠시 기다려 주세요"},
	TUIWorking:          {en: "working…", ko: "작업 중…"},
	TUIUnknown:          {en: "unknown", ko: "알 수 없음"},

	TUIQuitTitle:    {en: "Quit the wizard?", ko: "마법사를 끝낼까요?"},
	TUIQuitQuestion: {en: "What now?", ko: "어떻게 할까요?"},
	TUIQuitNothingChanged: {
		en: "Nothing on this server has been changed yet. Esc or Ctrl-C again quits at once.",
		ko: "아직 이 서버에서 아무것도 변경하지 않았습니다. Esc나 Ctrl-C를 한 번 더 누르면 바로 끝납니다.",
	},
	TUIQuitNow:           {en: "Quit without changing anything", ko: "아무것도 바꾸지 않고 끝내기"},
	TUIQuitSave:          {en: "Save my answers to a file, then quit", ko: "답변을 파일로 저장한 뒤 끝내기"},
	TUIQuitContinue:      {en: "Go back to the wizard", ko: "마법사로 돌아가기"},
	TUIQuitSavePath:      {en: "Save answers to", ko: "답변을 저장할 파일"},
	TUIQuitSavePathEmpty: {en: "enter a file name", ko: "파일 이름을 입력하세요"},

	TUIWelcomeTitle: {en: "Welcome", ko: "시작하기"},
	TUIWelcomeWhy: {
		en: "Logs kept only on this server can be deleted or altered by an intruder, and vanish with the disk. " +
			"This wizard sends them to CloudWatch Logs, off the server: they stay intact, many servers end up in one place, " +
			"and you get retention and alarms. Nothing changes until you confirm on the Apply step.",
		ko: "서버 안에만 있는 로그는 침입자가 지우거나 고칠 수 있고, 디스크가 망가지면 함께 사라집니다. " +
			"이 마법사는 로그를 서버 밖 CloudWatch Logs로 보내 원본을 지키고, 여러 서버의 로그를 한곳에 모으며, " +
			"보존 기간과 경보를 쓸 수 있게 합니다. 적용 단계에서 확인하기 전까지는 아무것도 바꾸지 않습니다.",
	},
	TUIWelcomeLang:     {en: "Language", ko: "언어"},
	TUIWelcomeLangHelp: {en: "F2 switches at any time", ko: "F2로 언제든 바꿀 수 있습니다"},

	TUIHostTitle: {en: "This host", ko: "이 서버"},
	TUIHostWhy: {
		en: "Before changing anything, cwsetup looks at what is here: the OS, whether this is an EC2 instance with a role, " +
			"and whether the CloudWatch agent (the program that ships logs and metrics) is installed. Problems are listed with what will be done about them.",
		ko: "무엇이든 바꾸기 전에 이 서버의 상태를 먼저 확인합니다. 운영체제, EC2 인스턴스인지와 IAM 역할이 연결되어 있는지, " +
			"로그와 지표를 보내는 CloudWatch 에이전트가 설치되어 있는지 살펴보고, 문제가 있으면 어떻게 처리할지 함께 보여 줍니다.",
	},
	TUIHostContinue:     {en: "Continue with this host?", ko: "이 서버로 계속할까요?"},
	TUIHostDetecting:    {en: "Looking at this host…", ko: "서버를 살펴보는 중…"},
	TUIHostDetectFailed: {en: "Detection failed: %v", ko: "서버 확인에 실패했습니다: %v"},
	TUIHostOS:           {en: "OS", ko: "운영체제"},
	TUIHostArch:         {en: "Architecture", ko: "아키텍처"},
	TUIHostAgent:        {en: "CloudWatch agent", ko: "CloudWatch 에이전트"},
	TUIHostAgentMissing: {en: "not installed: cwsetup will install it", ko: "설치되지 않음: cwsetup이 설치합니다"},
	TUIHostAgentRunning: {en: "running, version %s", ko: "실행 중, 버전 %s"},
	TUIHostAgentStopped: {en: "installed (version %s) but not running: cwsetup will start it", ko: "설치됨(버전 %s), 실행 중 아님: cwsetup이 시작합니다"},
	TUIHostServices:     {en: "Services", ko: "서비스"},
	TUIHostCannotGoOn: {
		en: "Without detection there is nothing to configure: fix the problem above (or --root), then start cwsetup again. Esc quits.",
		ko: "서버를 확인하지 못해 구성할 수 없습니다. 위의 문제(또는 --root)를 고친 뒤 cwsetup을 다시 실행하세요. Esc로 끝낼 수 있습니다.",
	},
	TUIHostServicesCount: {en: "%d running, %d installed only", ko: "실행 중 %d개, 설치만 됨 %d개"},

	TUILogsTitle: {en: "Services and logs", ko: "서비스와 로그"},
	TUILogsWhy: {
		en: "Each log line carries a time. The agent must know its format (timestamp_format) or every event gets the time it was read, " +
			"not the time it happened. ✓ means the format matched this file's own last lines; ✗ means those events get the time they are read.",
		ko: "로그 한 줄마다 시각이 적혀 있습니다. 에이전트가 그 형식(timestamp_format)을 알아야 이벤트가 실제로 일어난 시각으로 기록되고, " +
			"모르면 읽은 시각으로 남습니다. ✓는 이 파일의 마지막 줄들로 형식을 확인했다는 뜻이고, ✗는 읽은 시각으로 기록된다는 뜻입니다.",
	},
	TUIRoleTitle: {en: "Server type", ko: "서버 유형"},
	TUIRoleWhy: {
		en: "A server type (web, WAS, DB, base) fills sensible log group names, retention, metrics and alarms for this kind of server. Everything stays editable.",
		ko: "서버 유형(웹, WAS, DB, 기본)을 고르면 이런 서버에 알맞은 로그 그룹 이름, 보존 기간, 지표, 경보를 채워 줍니다. 모든 값은 나중에 바꿀 수 있습니다.",
	},
	TUIDestTitle: {en: "Destination", ko: "전송 위치"},
	TUIDestWhy: {
		en: "Logs land in log groups. Retention decides how long CloudWatch keeps them: storage is billed per GB-month, so " +
			"\"never expire\" costs forever. Security logs are usually kept a year for audits, others 90 days. " +
			"INFREQUENT_ACCESS ingests for half the price but cannot drive metric filters or alarms.",
		ko: "로그는 로그 그룹에 쌓입니다. 보존 기간은 CloudWatch가 로그를 얼마나 오래 보관할지 정합니다. 저장 요금은 GB·월 단위라서 " +
			"'만료 없음'은 비용이 계속 쌓입니다. 보안 로그는 감사를 위해 보통 1년, 나머지는 90일을 둡니다. " +
			"INFREQUENT_ACCESS 클래스는 수집 요금이 절반이지만 지표 필터와 경보를 쓸 수 없습니다.",
	},
	TUIMetricsTitle: {en: "Metrics and alarms", ko: "지표와 경보"},
	TUIMetricsWhy: {
		en: "EC2 sees CPU and network from outside, but not memory or disk use inside the server. The agent sends mem_used_percent " +
			"and disk metrics, so you (and Compute Optimizer) can size the instance. Alarms tell you about failed SSH logins or sudo failures.",
		ko: "EC2는 바깥에서 CPU와 네트워크만 볼 수 있고, 서버 안의 메모리와 디스크 사용량은 모릅니다. 에이전트가 mem_used_percent와 " +
			"디스크 지표를 보내야 인스턴스 크기를 판단할 수 있습니다(Compute Optimizer 포함). 경보는 SSH 로그인 실패나 sudo 실패를 알려 줍니다.",
	},
	TUIIAMTitle: {en: "IAM role", ko: "IAM 역할"},
	TUIIAMWhy: {
		en: "The agent needs permission to write to CloudWatch. An IAM role attached to the instance gives it short-lived credentials that rotate by themselves; " +
			"access keys stored on the server can leak and never expire. The policy allows only what the agent needs (least privilege).",
		ko: "에이전트가 CloudWatch에 쓰려면 권한이 필요합니다. 인스턴스에 연결한 IAM 역할은 자동으로 교체되는 임시 자격 증명을 줍니다. " +
			"서버에 저장한 액세스 키는 유출될 수 있고 만료되지도 않습니다. 정책은 에이전트에 꼭 필요한 권한만 허용합니다(최소 권한).",
	},
	TUIReviewTitle: {en: "Review", ko: "검토"},
	TUIReviewWhy: {
		en: "This is the exact config.json the agent will load, and what changes against the current one. Sections cwsetup does not manage are kept.",
		ko: "에이전트가 읽을 config.json 전체와, 지금 구성과 비교해 무엇이 바뀌는지 보여 줍니다. cwsetup이 관리하지 않는 부분은 그대로 둡니다.",
	},
	TUIApplyTitle: {en: "Apply", ko: "적용"},
	TUIApplyWhy: {
		en: "The old config is backed up, the new one written atomically, and the agent's own fetch-config validates it. If the agent rejects it, the backup is restored.",
		ko: "기존 구성을 백업하고 새 구성을 한 번에 기록한 뒤, 에이전트의 fetch-config로 직접 검증합니다. 에이전트가 거부하면 백업을 되돌립니다.",
	},
	TUIVerifyTitle: {en: "Verify", ko: "확인"},
	TUIVerifyWhy: {
		en: "A config that loads is not yet proof. cwsetup checks that the agent runs, each log group exists with its retention, and a marker line written to syslog arrives in CloudWatch.",
		ko: "구성이 로드됐다고 끝이 아닙니다. 에이전트가 실행 중인지, 로그 그룹마다 보존 기간이 설정됐는지, syslog에 쓴 확인용 줄이 CloudWatch에 도착했는지 검사합니다.",
	},
	TUISizingTitle: {en: "Sizing", ko: "크기 추천"},
	TUISizingWhy: {
		en: "Memory is what web servers run out of first. Burstable instances (t3, t4g) earn CPU credits below their baseline and spend them above it; " +
			"a server that stays busy runs out of credits and slows down. The report shows where memory goes and which size fits.",
		ko: "웹 서버는 보통 메모리가 먼저 부족해집니다. 버스트형 인스턴스(t3, t4g)는 기준 성능 아래에서 CPU 크레딧을 모으고 그 위에서 씁니다. " +
			"계속 바쁜 서버는 크레딧이 떨어져 느려집니다. 이 보고서는 메모리가 어디에 쓰이는지와 알맞은 크기를 보여 줍니다.",
	},
})

// Endonym is a language's name in that language, as a language menu shows
// it whatever the current language is.
func Endonym(l Lang) string {
	if l == KO {
		return "한국어"
	}
	return "English"
}

// Screens that fill the answers.
const (
	TUINoAnswers             Key = "tui.no_answers"
	TUILogsPick              Key = "tui.logs.pick"
	TUILogsPickHelp          Key = "tui.logs.pick_help"
	TUILogsJournal           Key = "tui.logs.journal"
	TUILogsNoFormat          Key = "tui.logs.no_format"
	TUILogsNotYet            Key = "tui.logs.not_yet"
	TUIRolePick              Key = "tui.role.pick"
	TUIRoleSuggested         Key = "tui.role.suggested"
	TUIRoleApache            Key = "tui.role.apache"
	TUIRoleApacheHelp        Key = "tui.role.apache_help"
	TUIRoleNginx             Key = "tui.role.nginx"
	TUIRoleNginxHelp         Key = "tui.role.nginx_help"
	TUIRoleTomcat            Key = "tui.role.tomcat"
	TUIRoleTomcatHelp        Key = "tui.role.tomcat_help"
	TUIRoleMySQL             Key = "tui.role.mysql"
	TUIRoleMySQLHelp         Key = "tui.role.mysql_help"
	TUIRoleBase              Key = "tui.role.base"
	TUIRoleBaseHelp          Key = "tui.role.base_help"
	TUIRetentionNever        Key = "tui.retention.never"
	TUIRetentionDays         Key = "tui.retention.days"
	TUIRetentionYears        Key = "tui.retention.years"
	TUIDestPrefix            Key = "tui.dest.prefix"
	TUIDestPrefixHelp        Key = "tui.dest.prefix_help"
	TUIDestStream            Key = "tui.dest.stream"
	TUIDestStreamHelp        Key = "tui.dest.stream_help"
	TUIDestRetention         Key = "tui.dest.retention"
	TUIDestRetentionSecurity Key = "tui.dest.retention_security"
	TUIDestClass             Key = "tui.dest.class"
	TUIDestClassStdHelp      Key = "tui.dest.class_std_help"
	TUIDestClassIAHelp       Key = "tui.dest.class_ia_help"
	TUIMetricsPick           Key = "tui.metrics.pick"
	TUIMetricMem             Key = "tui.metric.mem"
	TUIMetricDisk            Key = "tui.metric.disk"
	TUIMetricSwap            Key = "tui.metric.swap"
	TUIMetricCPU             Key = "tui.metric.cpu"
	TUIMetricsInstanceID     Key = "tui.metrics.instance_id"
	TUIMetricsInstanceIDHelp Key = "tui.metrics.instance_id_help"
)

var _ = add(map[Key]text{
	TUINoAnswers: {en: "Nothing detected yet: go back to the host screen.", ko: "아직 확인한 내용이 없습니다. 서버 화면으로 돌아가세요."},
	TUILogsPick:  {en: "Logs to ship", ko: "전송할 로그"},
	TUILogsPickHelp: {
		en: "x or space ticks a log · e changes its group name and retention · / finds · enter goes on",
		ko: "x나 스페이스로 선택 · e로 로그 그룹 이름과 보존 기간 바꾸기 · /로 찾기 · enter로 넘어가기",
	},
	TUILogsJournal:    {en: "journal (%s)", ko: "저널 (%s)"},
	TUILogsNoFormat:   {en: "time format unknown", ko: "시각 형식 모름"},
	TUILogsNotYet:     {en: "not there yet (expected for this server type)", ko: "아직 없음 (이 서버 유형에서 생길 로그)"},
	TUIRolePick:       {en: "What does this server do?", ko: "이 서버는 어떤 일을 하나요?"},
	TUIRoleSuggested:  {en: "← suggested", ko: "← 추천"},
	TUIRoleApache:     {en: "web server: Apache + PHP", ko: "웹 서버: Apache + PHP"},
	TUIRoleApacheHelp: {en: "Apache access/error logs, PHP-FPM log, system and security logs.", ko: "Apache 접근·오류 로그, PHP-FPM 로그, 시스템·보안 로그를 보냅니다."},
	TUIRoleNginx:      {en: "web server: Nginx + PHP", ko: "웹 서버: Nginx + PHP"},
	TUIRoleNginxHelp:  {en: "Nginx access/error logs, PHP-FPM log, system and security logs.", ko: "Nginx 접근·오류 로그, PHP-FPM 로그, 시스템·보안 로그를 보냅니다."},
	TUIRoleTomcat:     {en: "application server: Tomcat", ko: "WAS: Tomcat"},
	TUIRoleTomcatHelp: {en: "catalina and access logs (multi-line Java stack traces kept together), system logs; watches the JVM.", ko: "catalina·접근 로그(여러 줄 자바 스택 트레이스를 한 이벤트로), 시스템 로그를 보내고 JVM을 지켜봅니다."},
	TUIRoleMySQL:      {en: "database: MySQL / MariaDB", ko: "DB: MySQL / MariaDB"},
	TUIRoleMySQLHelp:  {en: "MySQL error (and slow query) logs, system logs; watches mysqld.", ko: "MySQL 오류(및 느린 쿼리) 로그, 시스템 로그를 보내고 mysqld를 지켜봅니다."},
	TUIRoleBase:       {en: "base: system logs only", ko: "기본: 시스템 로그만"},
	TUIRoleBaseHelp:   {en: "System and security logs with memory and disk metrics: right for any server.", ko: "시스템·보안 로그와 메모리·디스크 지표: 어떤 서버에도 맞습니다."},
	TUIRetentionNever: {en: "never expire (costs grow forever)", ko: "만료 없음 (비용이 계속 늘어남)"},
	TUIRetentionDays:  {en: "%d days", ko: "%d일"},
	TUIRetentionYears: {en: "%d days (%d yr)", ko: "%d일 (%d년)"},
	TUIDestPrefix:     {en: "Log group prefix", ko: "로그 그룹 접두사"},
	TUIDestPrefixHelp: {en: "groups are named <prefix>/<service>/<log>, e.g. %s", ko: "로그 그룹 이름은 <접두사>/<서비스>/<로그> 형식입니다. 예: %s"},
	TUIDestStream:     {en: "Log stream name", ko: "로그 스트림 이름"},
	TUIDestStreamHelp: {en: "one stream per server; placeholders: %s", ko: "서버마다 스트림 하나. 쓸 수 있는 자리표시자: %s"},
	TUIDestRetention:  {en: "Retention for service and system logs", ko: "서비스·시스템 로그 보존 기간"},
	TUIDestRetentionSecurity: {
		en: "Retention for security logs (secure, auth.log)",
		ko: "보안 로그(secure, auth.log) 보존 기간",
	},
	TUIDestClass: {en: "Log group class", ko: "로그 그룹 클래스"},
	TUIDestClassStdHelp: {
		en: "STANDARD: full features: metric filters, alarms, Live Tail.",
		ko: "STANDARD: 지표 필터, 경보, Live Tail 등 모든 기능을 씁니다.",
	},
	TUIDestClassIAHelp: {
		en: "INFREQUENT_ACCESS: half the ingestion price, but no metric filters or alarms on these logs.",
		ko: "INFREQUENT_ACCESS: 수집 요금이 절반이지만 이 로그로 지표 필터와 경보를 만들 수 없습니다.",
	},
	TUIMetricsPick: {en: "Metrics to publish (namespace CWAgent)", ko: "보낼 지표 (네임스페이스 CWAgent)"},
	TUIMetricMem:   {en: "memory: mem_used_percent", ko: "메모리: mem_used_percent"},
	TUIMetricDisk:  {en: "disk: disk_used_percent per mount", ko: "디스크: 마운트별 disk_used_percent"},
	TUIMetricSwap:  {en: "swap: swap_used_percent", ko: "스왑: swap_used_percent"},
	TUIMetricCPU:   {en: "CPU: cpu_usage_* (EC2 already has CPUUtilization)", ko: "CPU: cpu_usage_* (EC2 기본 CPUUtilization과 별도)"},
	TUIMetricsInstanceID: {
		en: "Add the InstanceId dimension?",
		ko: "InstanceId 차원을 붙일까요?",
	},
	TUIMetricsInstanceIDHelp: {
		en: "Compute Optimizer needs it to see memory; it adds ec2:DescribeTags to the policy.",
		ko: "Compute Optimizer가 메모리를 보려면 필요합니다. 정책에 ec2:DescribeTags가 추가됩니다.",
	},
})

// Review screen.
const (
	TUIReviewDiff     Key = "tui.review.diff"
	TUIReviewSame     Key = "tui.review.same"
	TUIReviewNew      Key = "tui.review.new"
	TUIReviewContinue Key = "tui.review.continue"
)

var _ = add(map[Key]text{
	TUIReviewDiff:     {en: "Changes to config.json:", ko: "config.json 변경 내용:"},
	TUIReviewSame:     {en: "config.json is already like this (no change):", ko: "config.json이 이미 이대로입니다 (변경 없음):"},
	TUIReviewNew:      {en: "New config.json (there is none yet):", ko: "새 config.json (아직 구성 파일이 없습니다):"},
	TUIReviewContinue: {en: "Looks right?", ko: "이대로 괜찮은가요?"},
})

// Apply, verify and sizing screens.
const (
	TUIApplyConfirm        Key = "tui.apply.confirm"
	TUIApplyConfirmHelp    Key = "tui.apply.confirm_help"
	TUIApplyYes            Key = "tui.apply.yes"
	TUIApplyNo             Key = "tui.apply.no"
	TUIApplyNext           Key = "tui.apply.next"
	TUIApplyOK             Key = "tui.apply.ok"
	TUIApplyUnchanged      Key = "tui.apply.unchanged"
	TUIApplyFailed         Key = "tui.apply.failed"
	TUIApplyRolledBack     Key = "tui.apply.rolled_back"
	TUIApplyRollbackFailed Key = "tui.apply.rollback_failed"
	TUIApplyCannotStop     Key = "tui.apply.cannot_stop"
	TUIVerifyNotApplied    Key = "tui.verify.not_applied"
	TUIVerifyWaiting       Key = "tui.verify.waiting"
	TUIVerifyPassed        Key = "tui.verify.passed"
	TUIVerifyFailed        Key = "tui.verify.failed"
	TUIVerifyNext          Key = "tui.verify.next"
	TUISizingMeasuring     Key = "tui.sizing.measuring"
	TUISizingDone          Key = "tui.sizing.done"
	TUIScrollHint          Key = "tui.scroll_hint"
)

var _ = add(map[Key]text{
	TUIApplyConfirm: {en: "Apply this configuration to the server now?", ko: "이 구성을 지금 서버에 적용할까요?"},
	TUIApplyConfirmHelp: {
		en: "Installs the agent if needed, backs up config.json, writes the new one and restarts the agent. On failure the backup is restored.",
		ko: "필요하면 에이전트를 설치하고, config.json을 백업한 뒤 새 구성을 쓰고 에이전트를 다시 시작합니다. 실패하면 백업을 되돌립니다.",
	},
	TUIApplyYes:       {en: "Apply", ko: "적용"},
	TUIApplyNo:        {en: "Back to review", ko: "검토로 돌아가기"},
	TUIApplyNext:      {en: "Go on", ko: "계속"},
	TUIApplyOK:        {en: "✓ The agent accepted the configuration and is running.", ko: "✓ 에이전트가 구성을 받아들였고 실행 중입니다."},
	TUIApplyUnchanged: {en: "✓ config.json already had this content: nothing to change.", ko: "✓ config.json이 이미 같은 내용이라 바꿀 것이 없습니다."},
	TUIApplyFailed:    {en: "✗ Apply failed: %s", ko: "✗ 적용에 실패했습니다: %s"},
	TUIApplyRolledBack: {
		en: "The previous config was restored (backup %s); the agent runs as before.",
		ko: "이전 구성을 되돌렸습니다(백업 %s). 에이전트는 이전과 같이 동작합니다.",
	},
	TUIApplyRollbackFailed: {
		en: "Restoring the previous config failed too: %s. The backup is %s.",
		ko: "이전 구성 복원에도 실패했습니다: %s. 백업 파일은 %s입니다.",
	},
	TUIApplyCannotStop: {
		en: "Apply is running: it finishes (or rolls back) the current step before anything else.",
		ko: "적용 중입니다. 지금 단계를 끝내거나 되돌린 뒤에야 멈출 수 있습니다.",
	},
	TUIVerifyNotApplied: {
		en: "Nothing was applied, so there is nothing to verify. Run 'cwsetup verify' after 'cwsetup apply'.",
		ko: "적용한 것이 없어 확인할 것도 없습니다. 'cwsetup apply' 후에 'cwsetup verify'를 실행하세요.",
	},
	TUIVerifyWaiting: {en: "waiting for the marker line to arrive in CloudWatch…", ko: "확인용 줄이 CloudWatch에 도착하기를 기다리는 중…"},
	TUIVerifyPassed:  {en: "✓ Verified: logs arrive in CloudWatch.", ko: "✓ 확인 완료: 로그가 CloudWatch에 도착합니다."},
	TUIVerifyFailed: {
		en: "✗ Some checks failed: see the hints above, then run 'cwsetup verify' again.",
		ko: "✗ 실패한 검사가 있습니다. 위의 안내를 따른 뒤 'cwsetup verify'를 다시 실행하세요.",
	},
	TUIVerifyNext:      {en: "Go on", ko: "계속"},
	TUISizingMeasuring: {en: "Measuring memory and CPU…", ko: "메모리와 CPU를 측정하는 중…"},
	TUISizingDone:      {en: "Finish", ko: "마치기"},
	TUIScrollHint:      {en: "lines %d–%d of %d · %s scroll", ko: "%d–%d / 전체 %d줄 · %s 스크롤"},
})

// IAM screen.
const (
	TUIIAMChecking Key = "tui.iam.checking"
	TUIIAMNotEC2   Key = "tui.iam.not_ec2"
	TUIIAMAttached Key = "tui.iam.attached"
	TUIIAMNone     Key = "tui.iam.none"
	TUIIAMNext     Key = "tui.iam.next"
)

var _ = add(map[Key]text{
	TUIIAMChecking: {en: "Asking the instance metadata service (IMDS) about the role…", ko: "인스턴스 메타데이터 서비스(IMDS)에 역할을 확인하는 중…"},
	TUIIAMNotEC2: {
		en: "This does not look like an EC2 instance (%s), so no role can be checked here. On the instance, run 'cwsetup iam setup' from an admin shell (or CloudShell), or follow 'cwsetup iam policy --format console'.",
		ko: "EC2 인스턴스가 아닌 것 같습니다(%s). 그래서 여기서는 역할을 확인할 수 없습니다. 인스턴스에서 관리자 셸(또는 CloudShell)로 'cwsetup iam setup'을 실행하거나 'cwsetup iam policy --format console' 안내를 따르세요.",
	},
	TUIIAMAttached: {
		en: "Role %s is attached to this instance (checked via IMDS). 'cwsetup iam setup' brings its policy to least privilege if needed.",
		ko: "이 인스턴스에 역할 %s이(가) 연결되어 있습니다 (IMDS로 확인). 필요하면 'cwsetup iam setup'으로 정책을 최소 권한으로 맞출 수 있습니다.",
	},
	TUIIAMNone: {
		en: "No role is attached: the agent could not send anything. Create it now with 'cwsetup iam setup' from an admin shell or CloudShell (credentials are never stored), or in the console:",
		ko: "연결된 역할이 없습니다. 이대로는 에이전트가 아무것도 보낼 수 없습니다. 관리자 셸이나 CloudShell에서 'cwsetup iam setup'으로 지금 만들거나(자격 증명은 저장하지 않습니다) 콘솔에서 아래처럼 만드세요:",
	},
	TUIIAMNext: {en: "Go on", ko: "계속"},
})

// Adding a log path.
const (
	TUILogsAddPath       Key = "tui.logs.add_path"
	TUILogsAddPathHelp   Key = "tui.logs.add_path_help"
	TUILogsAddFormat     Key = "tui.logs.add_format"
	TUILogsFormatEmpty   Key = "tui.logs.format_empty"
	TUILogsFormatNoFile  Key = "tui.logs.format_no_file"
	TUILogsFormatNoLines Key = "tui.logs.format_no_lines"
	TUILogsFormatAll     Key = "tui.logs.format_all"
	TUILogsFormatSome    Key = "tui.logs.format_some"
	TUILogsFormatNone    Key = "tui.logs.format_none"
)

var _ = add(map[Key]text{
	TUILogsAddPath:     {en: "Add a log of your own (optional)", ko: "직접 추가할 로그 (선택)"},
	TUILogsAddPathHelp: {en: "an absolute path, glob allowed; leave empty and press enter to go on", ko: "절대 경로, 글롭(*) 사용 가능. 없으면 비워 두고 enter"},
	TUILogsAddFormat:   {en: "Its timestamp format (agent syntax, e.g. %Y-%m-%d %H:%M:%S)", ko: "타임스탬프 형식 (에이전트 문법, 예: %Y-%m-%d %H:%M:%S)"},
	TUILogsFormatEmpty: {en: "empty: events get the time they are read; tab completes a detected format", ko: "비워 두면 읽은 시각으로 기록됩니다. tab으로 찾은 형식을 완성할 수 있습니다"},
	TUILogsFormatNoFile: {
		en: "no file matches this path yet, so the format cannot be tested",
		ko: "아직 이 경로에 맞는 파일이 없어 형식을 시험할 수 없습니다",
	},
	TUILogsFormatNoLines: {en: "the file has no lines to test yet", ko: "파일에 시험할 줄이 아직 없습니다"},
	TUILogsFormatAll:     {en: "all %d of the last %d lines parse", ko: "마지막 %[2]d줄 중 %[1]d줄 모두 해석됩니다"},
	TUILogsFormatSome:    {en: "only %d of the last %d lines parse (fine for multi-line logs)", ko: "마지막 %[2]d줄 중 %[1]d줄만 해석됩니다 (여러 줄 로그라면 괜찮습니다)"},
	TUILogsFormatNone: {
		en: "none of the last %d lines parse with this format: fix it, or leave it empty",
		ko: "이 형식으로는 마지막 %d줄 중 하나도 해석되지 않습니다. 고치거나 비워 두세요",
	},
})

// Security alarms on the metrics screen.
const (
	TUIAlarmsTitle        Key = "tui.alarms.title"
	TUIAlarmLine          Key = "tui.alarms.line"
	TUIAlarmsHow          Key = "tui.alarms.how"
	TUIAlarmThreshold     Key = "tui.alarms.threshold"
	TUIAlarmThresholdHelp Key = "tui.alarms.threshold_help"
	TUIAlarmPeriod        Key = "tui.alarms.period"
	TUIAlarmPeriodHelp    Key = "tui.alarms.period_help"
	TUIAlarmSNS           Key = "tui.alarms.sns"
	TUIAlarmSNSHelp       Key = "tui.alarms.sns_help"
	TUIAlarmMinutes       Key = "tui.alarms.minutes"
	TUIAlarmSeconds       Key = "tui.alarms.seconds"
	TUIAlarmNotNumber     Key = "tui.alarms.not_number"
)

var _ = add(map[Key]text{
	TUIAlarmsTitle: {en: "Security alarms (optional)", ko: "보안 경보 (선택)"},
	TUIAlarmLine:   {en: "%s: %s ≥ %d in %s", ko: "%s: %s %d회 이상 / %s"},
	TUIAlarmsHow: {
		en: "Metric filters count failed SSH logins and sudo failures in the auth log; an alarm fires at the threshold. They need admin credentials: the IAM step's \"create it now\" makes them, or run 'cwsetup iam setup --answers FILE' (answers saved with --save-answers) from an admin shell or CloudShell.",
		ko: "지표 필터가 인증 로그에서 SSH 로그인 실패와 sudo 실패를 세고, 임계값에 이르면 경보가 울립니다. 만들려면 관리자 자격 증명이 필요합니다. IAM 단계의 \"지금 만들기\"가 함께 만들거나, 관리자 셸이나 CloudShell에서 'cwsetup iam setup --answers 파일'(--save-answers로 저장한 답변)을 실행하세요.",
	},
	TUIAlarmThreshold: {en: "Alarm threshold (events per period)", ko: "경보 임계값 (기간당 이벤트 수)"},
	TUIAlarmThresholdHelp: {
		en: "0: each check's own, 10 failed SSH logins and 3 failed sudo",
		ko: "0이면 항목별 기본값: SSH 로그인 실패 10회, sudo 실패 3회",
	},
	TUIAlarmPeriod: {en: "Alarm period (seconds)", ko: "경보 기간 (초)"},
	TUIAlarmPeriodHelp: {
		en: "10, 30, or a multiple of 60 up to 86400; 300 is 5 minutes",
		ko: "10, 30 또는 86400 이하의 60의 배수. 300이면 5분",
	},
	TUIAlarmSNS:       {en: "SNS topic ARN to notify (optional)", ko: "알림을 받을 SNS 주제 ARN (선택)"},
	TUIAlarmSNSHelp:   {en: "Empty: the alarms change state without notifying anyone", ko: "비워 두면 경보 상태만 바뀌고 알림은 보내지 않습니다"},
	TUIAlarmMinutes:   {en: "%d min", ko: "%d분"},
	TUIAlarmSeconds:   {en: "%d s", ko: "%d초"},
	TUIAlarmNotNumber: {en: "%q is not a whole number", ko: "%q은(는) 정수가 아닙니다"},
})

// The highlighted log's last line.
const TUILogsLastLine Key = "tui.logs.last_line"

var _ = add(map[Key]text{
	TUILogsLastLine: {en: "last line: %s", ko: "마지막 줄: %s"},
})

// Creating the role from the wizard.
const (
	TUIIAMChoose        Key = "tui.iam.choose"
	TUIIAMChoiceCreate  Key = "tui.iam.choice_create"
	TUIIAMChoiceConsole Key = "tui.iam.choice_console"
	TUIIAMCreating      Key = "tui.iam.creating"
	TUIIAMCreated       Key = "tui.iam.created"
)

var _ = add(map[Key]text{
	TUIIAMChoose: {en: "How do you want to attach the role?", ko: "역할을 어떻게 연결할까요?"},
	TUIIAMChoiceCreate: {
		en: "Create it now with the admin credentials of this shell (never stored)",
		ko: "이 셸의 관리자 자격 증명으로 지금 만들기 (저장하지 않음)",
	},
	TUIIAMChoiceConsole: {en: "I will follow the console steps above", ko: "위의 콘솔 안내대로 직접 하기"},
	TUIIAMCreating:      {en: "Creating the role, policy and instance profile…", ko: "역할, 정책, 인스턴스 프로파일을 만드는 중…"},
	TUIIAMCreated: {
		en: "The role is attached; the agent gets its credentials within a minute.",
		ko: "역할을 연결했습니다. 에이전트는 1분 안에 자격 증명을 받습니다.",
	},
})

// Accessible mode's own line prompts (tui/fields.go).
const (
	TUIAccNumber    Key = "tui.acc.number"
	TUIAccOnlyOne   Key = "tui.acc.only_one"
	TUIAccToggle    Key = "tui.acc.toggle"
	TUIAccBadNumber Key = "tui.acc.bad_number"
	TUIAccYesNo     Key = "tui.acc.yes_no"
	TUIAccBadYesNo  Key = "tui.acc.bad_yes_no"
	TUIAccKeep      Key = "tui.acc.keep"
)

var _ = add(map[Key]text{
	TUIAccNumber:  {en: "Type a number from 1 to %d (Enter keeps %d): ", ko: "1부터 %d까지 번호를 입력하세요 (Enter는 %d번): "},
	TUIAccOnlyOne: {en: "There is one choice: press Enter (or type 1): ", ko: "선택지가 하나뿐입니다. Enter(또는 1)를 누르세요: "},
	TUIAccToggle: {
		en: "Type a number to tick or untick it (1 to %d); 0 or Enter when done: ",
		ko: "번호를 입력하면 선택하거나 해제합니다(1부터 %d까지). 다 됐으면 0이나 Enter: ",
	},
	TUIAccBadNumber: {
		en: "%q is not one of the numbers: type a number from %d to %d.",
		ko: "%q은(는) 고를 수 있는 번호가 아닙니다. %d부터 %d까지의 번호를 입력하세요.",
	},
	TUIAccYesNo:    {en: "y = %s, n = %s (Enter: %s): ", ko: "y = %s, n = %s (Enter는 %s): "},
	TUIAccBadYesNo: {en: "%q is neither y nor n: type y or n.", ko: "%q은(는) y도 n도 아닙니다. y나 n을 입력하세요."},
	TUIAccKeep:     {en: "Now: %s (Enter keeps it)", ko: "지금 값: %s (Enter로 그대로 둡니다)"},
})

// The verify screen's countdown.
const TUIVerifyCountdown Key = "tui.verify.countdown"

var _ = add(map[Key]text{
	TUIVerifyCountdown: {
		en: "waiting for the marker line to arrive in CloudWatch… at most %s left",
		ko: "확인용 줄이 CloudWatch에 도착하기를 기다리는 중… 최대 %s 남음",
	},
})

// The logs screen: changing one log, the path check, what was done.
const (
	TUILogsEdit          Key = "tui.logs.edit"
	TUILogsEditHelp      Key = "tui.logs.edit_help"
	TUILogsEditNone      Key = "tui.logs.edit_none"
	TUILogsEditOption    Key = "tui.logs.edit_option"
	TUILogsEditNow       Key = "tui.logs.edit_now"
	TUILogsEditGroup     Key = "tui.logs.edit_group"
	TUILogsEditGroupHelp Key = "tui.logs.edit_group_help"
	TUILogsEditRetention Key = "tui.logs.edit_retention"
	TUILogsEditKeep      Key = "tui.logs.edit_keep"
	TUILogsChanged       Key = "tui.logs.changed"
	TUILogsAdded         Key = "tui.logs.added"
	TUILogsPathNone      Key = "tui.logs.path_none"
	TUILogsPathOne       Key = "tui.logs.path_one"
	TUILogsPathMany      Key = "tui.logs.path_many"
	TUIKeyFilter         Key = "tui.key.filter"
	TUIKeyFilterDone     Key = "tui.key.filter_done"
)

var _ = add(map[Key]text{
	TUILogsEdit:          {en: "Change a log's group name or retention (optional)", ko: "로그 그룹 이름이나 보존 기간을 바꿀 로그 (선택)"},
	TUILogsEditHelp:      {en: "enter on the first line goes on", ko: "첫 줄에서 enter를 누르면 넘어갑니다"},
	TUILogsEditNone:      {en: "change nothing, go on", ko: "바꾸지 않고 넘어가기"},
	TUILogsEditOption:    {en: "%s → %s · %s", ko: "%s → %s · %s"},
	TUILogsEditNow:       {en: "now: %s, kept %s", ko: "지금: %s, 보존 기간 %s"},
	TUILogsEditGroup:     {en: "Log group name", ko: "로그 그룹 이름"},
	TUILogsEditGroupHelp: {en: "empty keeps it", ko: "비워 두면 그대로 둡니다"},
	TUILogsEditRetention: {en: "Retention of this log", ko: "이 로그의 보존 기간"},
	TUILogsEditKeep:      {en: "keep it", ko: "그대로 두기"},
	TUILogsChanged:       {en: "Changed. Pick another log, or press enter to go on.", ko: "바꿨습니다. 다른 로그를 고르거나 enter로 넘어가세요."},
	TUILogsAdded: {
		en: "Added %s: it is in the list now (untick it to remove it).",
		ko: "%s 로그를 추가했습니다. 목록에 있습니다(선택을 해제하면 빠집니다).",
	},
	TUILogsPathNone: {
		en: "no file matches this path yet. Keep it if the log appears later: the agent starts reading when it does",
		ko: "아직 이 경로에 맞는 파일이 없습니다. 나중에 생길 로그라면 그대로 두세요. 파일이 생기면 에이전트가 읽기 시작합니다",
	},
	TUILogsPathOne:   {en: "matches %s", ko: "%s 파일과 맞습니다"},
	TUILogsPathMany:  {en: "matches %d files, e.g. %s", ko: "파일 %d개와 맞습니다 (예: %s)"},
	TUIKeyFilter:     {en: "find", ko: "찾기"},
	TUIKeyFilterDone: {en: "end find", ko: "찾기 끝"},
})

// The highlighted log's details.
const (
	TUILogsFormatIs  Key = "tui.logs.format_is"
	TUILogsNoFileYet Key = "tui.logs.no_file_yet"
)

var _ = add(map[Key]text{
	TUILogsFormatIs:  {en: "timestamp format: %s", ko: "시각 형식: %s"},
	TUILogsNoFileYet: {en: "no file yet", ko: "아직 파일 없음"},
})

// The review diff's two sides.
const (
	TUIDiffOld Key = "tui.diff.old"
	TUIDiffNew Key = "tui.diff.new"
)

var _ = add(map[Key]text{
	TUIDiffOld: {en: "config.json (now)", ko: "config.json (지금 구성)"},
	TUIDiffNew: {en: "config.json (cwsetup's)", ko: "config.json (cwsetup이 만든 구성)"},
})

// How the wizard ends when verify did not prove the logs arrive.
const (
	TUIVerifyInterrupted   Key = "tui.verify.interrupted"
	TUIVerifyMarkerSkipped Key = "tui.verify.marker_skipped"
)

var _ = add(map[Key]text{
	TUIVerifyInterrupted: {
		en: "the config was applied, but verify did not complete (stopped by the user); run it again:\n  sudo cwsetup verify",
		ko: "구성은 적용했지만 확인을 마치지 못했습니다(사용자가 중단함). 다시 확인하세요:\n  sudo cwsetup verify",
	},
	TUIVerifyMarkerSkipped: {
		en: "the config was applied, but verify could not prove that logs arrive: the test line was skipped because the system log is not collected. Add the system log, or check the log groups in the CloudWatch console",
		ko: "구성은 적용했지만 로그가 도착하는지 확인하지 못했습니다. 시스템 로그를 수집하지 않아 시험 줄 확인을 건너뛰었습니다. 시스템 로그를 추가하거나 CloudWatch 콘솔에서 로그 그룹을 확인하세요",
	},
})
