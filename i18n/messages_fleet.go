package i18n

// Fleet: `cwsetup fleet publish|apply|status` on AWS Systems Manager, and
// `cwsetup apply --answers-ssm`.
const (
	FleetShort        Key = "fleet.short"
	FleetLong         Key = "fleet.long"
	FleetPublishShort Key = "fleet.publish.short"
	FleetPublishLong  Key = "fleet.publish.long"
	FleetApplyShort   Key = "fleet.apply.short"
	FleetApplyLong    Key = "fleet.apply.long"
	FleetStatusShort  Key = "fleet.status.short"
	FleetStatusLong   Key = "fleet.status.long"

	FleetFlagAnswers        Key = "fleet.flag.answers"
	FleetFlagName           Key = "fleet.flag.name"
	FleetFlagNameApply      Key = "fleet.flag.name_apply"
	FleetFlagTargets        Key = "fleet.flag.targets"
	FleetFlagMaxConcurrency Key = "fleet.flag.max_concurrency"
	FleetFlagMaxErrors      Key = "fleet.flag.max_errors"
	FleetFlagSchedule       Key = "fleet.flag.schedule"
	FleetFlagDocument       Key = "fleet.flag.document"
	FleetFlagReleaseURL     Key = "fleet.flag.release_url"
	FleetFlagVersion        Key = "fleet.flag.version"
	FleetFlagAllowUnmanaged Key = "fleet.flag.allow_unmanaged"
	FleetFlagCommandID      Key = "fleet.flag.command_id"
	FleetFlagFresh          Key = "fleet.flag.fresh"
	FleetFlagYes            Key = "fleet.flag.yes"

	FleetErrNoTargets         Key = "fleet.err.no_targets"
	FleetErrTooManyTargets    Key = "fleet.err.too_many_targets"
	FleetErrBadTarget         Key = "fleet.err.bad_target"
	FleetErrBadInstanceID     Key = "fleet.err.bad_instance_id"
	FleetErrBadConcurrency    Key = "fleet.err.bad_concurrency"
	FleetErrBadMaxErrors      Key = "fleet.err.bad_max_errors"
	FleetErrBadSchedule       Key = "fleet.err.bad_schedule"
	FleetErrScheduleTooOften  Key = "fleet.err.schedule_too_often"
	FleetErrBadParameter      Key = "fleet.err.bad_parameter"
	FleetErrReservedParameter Key = "fleet.err.reserved_parameter"
	FleetErrVersionNotHere    Key = "fleet.err.version_not_here"
	FleetErrBadDocumentName   Key = "fleet.err.bad_document_name"
	FleetErrBadVersion        Key = "fleet.err.bad_version"
	FleetErrBadReleaseURL     Key = "fleet.err.bad_release_url"
	FleetErrNotOurDocument    Key = "fleet.err.not_our_document"
	FleetErrAnswersTooBig     Key = "fleet.err.answers_too_big"
	FleetErrNoParameter       Key = "fleet.err.no_parameter"
	FleetErrStoredAnswers     Key = "fleet.err.stored_answers"
	FleetErrNoInstances       Key = "fleet.err.no_instances"
	FleetErrUnmanaged         Key = "fleet.err.unmanaged"
	FleetErrNoCommand         Key = "fleet.err.no_command"
	FleetErrNeedAnswers       Key = "fleet.err.need_answers"
	FleetErrAnswersRead       Key = "fleet.err.answers_read"
	FleetErrNeedYes           Key = "fleet.err.need_yes"
	FleetErrDevBuild          Key = "fleet.err.dev_build"
	FleetErrNeedCommandID     Key = "fleet.err.need_command_id"
	FleetErrNoRegion          Key = "fleet.err.no_region"

	FleetConfirm     Key = "fleet.confirm"
	FleetYesWords    Key = "fleet.yes_words"
	FleetNotSent     Key = "fleet.not_sent"
	FleetUsing       Key = "fleet.using"
	FleetPlanHeader  Key = "fleet.plan.header"
	FleetPubNew      Key = "fleet.pub.new"
	FleetPubNext     Key = "fleet.pub.next"
	FleetPubSame     Key = "fleet.pub.same"
	FleetPubAdvanced Key = "fleet.pub.advanced"
	FleetPubKeepAdv  Key = "fleet.pub.keep_advanced"
	FleetPubDiff     Key = "fleet.pub.diff"
	FleetPubHistory  Key = "fleet.pub.history"
	FleetPubHistLine Key = "fleet.pub.history_line"
	FleetPubDone     Key = "fleet.pub.done"
	FleetPubNothing  Key = "fleet.pub.nothing"
	FleetPubNextStep Key = "fleet.pub.next_step"

	FleetAppParam       Key = "fleet.app.param"
	FleetAppDocCreate   Key = "fleet.app.doc_create"
	FleetAppDocUpdate   Key = "fleet.app.doc_update"
	FleetAppDocSame     Key = "fleet.app.doc_same"
	FleetAppDocDiff     Key = "fleet.app.doc_diff"
	FleetAppInstances   Key = "fleet.app.instances"
	FleetAppUnmanaged   Key = "fleet.app.unmanaged"
	FleetAppRate        Key = "fleet.app.rate"
	FleetAppAssocCreate Key = "fleet.app.assoc_create"
	FleetAppAssocUpdate Key = "fleet.app.assoc_update"
	FleetAppAssocSame   Key = "fleet.app.assoc_same"
	FleetAppNoAssoc     Key = "fleet.app.no_assoc"
	FleetAppDocDone     Key = "fleet.app.doc_done"
	FleetAppSent        Key = "fleet.app.sent"
	FleetAppAssocDone   Key = "fleet.app.assoc_done"
	FleetAppNextStep    Key = "fleet.app.next_step"
	FleetAppRollback    Key = "fleet.app.rollback"

	FleetStHeader     Key = "fleet.st.header"
	FleetStTotals     Key = "fleet.st.totals"
	FleetStFailedStep Key = "fleet.st.failed_step"
	FleetStColumns    Key = "fleet.st.columns"
	FleetStLogsCell   Key = "fleet.st.logs_cell"
	FleetStLogsNone   Key = "fleet.st.logs_none"
	FleetStNoGroups   Key = "fleet.st.no_groups"
	FleetStGroups     Key = "fleet.st.groups"
	FleetNoteAnswers  Key = "fleet.note.answers"
	FleetNoteStream   Key = "fleet.note.stream"
	FleetCatOK        Key = "fleet.cat.ok"
	FleetCatFailed    Key = "fleet.cat.failed"
	FleetCatRunning   Key = "fleet.cat.running"
	FleetCatNotReach  Key = "fleet.cat.not_reached"
	FleetCatNotManage Key = "fleet.cat.not_managed"

	FleetIAMNote Key = "fleet.iam.note"

	ApplyFlagAnswersSSM   Key = "apply.flag.answers_ssm"
	ApplyErrAnswersBoth   Key = "apply.err.answers_both"
	ApplyErrSSMNotFound   Key = "apply.err.ssm_not_found"
	ApplyErrSSMRead       Key = "apply.err.ssm_read"
	ApplyReadSSM          Key = "apply.read_ssm"
	ApplyResultOK         Key = "apply.result.ok"
	ApplyResultVerified   Key = "apply.result.verified"
	FlagFleetParameter    Key = "iam.flag.fleet_parameter"
	IAMHintFleetParameter Key = "iam.hint.fleet_parameter"
)

var _ = add(map[Key]text{
	FleetShort: {
		en: "Many instances at once on AWS Systems Manager: publish the answers, apply them, read the results",
		ko: "AWS Systems Manager로 여러 인스턴스에 한 번에: 답변 게시, 적용, 결과 확인",
	},
	FleetLong: {
		en: "cwsetup fleet uses AWS Systems Manager instead of an agent of its own.\n\n" +
			"  publish   stores an answers file in Parameter Store (a new version each time)\n" +
			"  apply     creates or updates the SSM Command document cwsetup-apply and sends it to\n" +
			"            the instances selected by tag, with rate controls; each instance installs\n" +
			"            cwsetup (SHA-256 checked), reads the answers and detects its own logs\n" +
			"  status    per instance: Run Command status, cwsetup's exit code and summary, and\n" +
			"            whether its log streams are arriving\n\n" +
			"The instances need the SSM agent online and a role with the AWS managed policy\n" +
			"AmazonSSMManagedInstanceCore; `cwsetup iam policy --fleet-parameter NAME` prints the\n" +
			"agent's policy with ssm:GetParameter on the answers parameter.",
		ko: "cwsetup fleet은 별도의 에이전트 없이 AWS Systems Manager를 사용합니다.\n\n" +
			"  publish   답변 파일을 파라미터 스토어에 저장합니다 (게시할 때마다 새 버전)\n" +
			"  apply     SSM 명령 문서 cwsetup-apply를 만들거나 갱신하고, 태그로 고른 인스턴스에\n" +
			"            속도 제어와 함께 실행 명령으로 보냅니다. 각 인스턴스는 cwsetup을 설치하고\n" +
			"            (SHA-256 확인), 답변을 읽어 자기 로그를 직접 탐지합니다\n" +
			"  status    인스턴스별 실행 명령 상태, cwsetup 종료 코드와 요약, 로그 스트림 도착 여부\n\n" +
			"인스턴스에는 SSM 에이전트가 온라인 상태여야 하고, 역할에 AWS 관리형 정책\n" +
			"AmazonSSMManagedInstanceCore가 있어야 합니다. `cwsetup iam policy --fleet-parameter 이름`은\n" +
			"답변 파라미터에 대한 ssm:GetParameter를 더한 에이전트 정책을 출력합니다.",
	},
	FleetPublishShort: {
		en: "Store the answers in Parameter Store (validated; a new version each time)",
		ko: "답변을 파라미터 스토어에 저장 (검증 후, 게시할 때마다 새 버전)",
	},
	FleetPublishLong: {
		en: "cwsetup fleet publish validates the answers file as `cwsetup apply --answers` would,\n" +
			"shows what changes against the stored version, and stores it as a String parameter.\n" +
			"Up to 4 KB it is a Standard parameter (free); up to 8 KB it must be Advanced (charged\n" +
			"per parameter and month, and it cannot be turned back into Standard) — said before\n" +
			"storing. Every version stays in the parameter's history: roll back with\n" +
			"`cwsetup fleet apply --name NAME:VERSION`.",
		ko: "cwsetup fleet publish는 답변 파일을 `cwsetup apply --answers`와 똑같이 검증하고,\n" +
			"저장된 버전과 달라지는 점을 보여 준 뒤 String 파라미터로 저장합니다.\n" +
			"4KB까지는 표준 계층(무료), 8KB까지는 고급 계층이 필요합니다(파라미터마다 월 요금이 있고\n" +
			"표준 계층으로 되돌릴 수 없습니다). 저장 전에 알려 드립니다. 모든 버전은 파라미터 기록에\n" +
			"남으므로 `cwsetup fleet apply --name 이름:버전`으로 되돌릴 수 있습니다.",
	},
	FleetApplyShort: {
		en: "Run cwsetup apply on the tagged instances through Run Command",
		ko: "실행 명령으로 태그가 붙은 인스턴스에서 cwsetup apply 실행",
	},
	FleetApplyLong: {
		en: "cwsetup fleet apply checks everything first — the parameter exists and its answers are\n" +
			"valid, the targets select running instances, each of them is SSM-managed, the document\n" +
			"name is cwsetup's — then shows the plan (document diff, parameter version, instance\n" +
			"count, rate controls) and asks before sending. The command runs the parameter version\n" +
			"shown (name:version), so publishing during a rollout changes nothing already sent.\n" +
			"With --schedule a State Manager association re-runs it, so new instances and drift\n" +
			"are handled. Without a terminal, --yes is required.",
		ko: "cwsetup fleet apply는 먼저 모든 것을 확인합니다. 파라미터가 있고 답변이 올바른지, 대상이\n" +
			"실행 중인 인스턴스를 고르는지, 그 인스턴스가 모두 관리형 인스턴스인지, 같은 이름의 문서가\n" +
			"cwsetup이 만든 것인지. 그다음 계획(문서 변경 내용, 파라미터 버전, 인스턴스 수, 속도 제어)을\n" +
			"보여 주고 보내기 전에 묻습니다. 명령은 보여 준 파라미터 버전(이름:버전)을 실행하므로, 배포\n" +
			"중에 다시 게시해도 이미 보낸 명령은 바뀌지 않습니다. --schedule을 주면 상태 관리자 연결이\n" +
			"주기적으로 다시 실행해 새 인스턴스와 설정 변경(드리프트)도 맞춥니다. 터미널이 없으면 --yes가\n" +
			"필요합니다.",
	},
	FleetStatusShort: {
		en: "Per-instance results of a fleet apply, and whether the logs are arriving",
		ko: "fleet apply의 인스턴스별 결과와 로그 도착 여부",
	},
	FleetStatusLong: {
		en: "cwsetup fleet status reads the command as Run Command keeps it: its status and counts\n" +
			"(ListCommands) and the invocation of every instance it targeted (ListCommandInvocations,\n" +
			"50 a page, progress on stderr): Status and StatusDetails (not delivered, delivery timed\n" +
			"out, terminated, skipped by platform), cwsetup's exit code and its one-line summary (the\n" +
			"last line apply prints), and whether that instance's log streams (stream = instance id)\n" +
			"in the answers' log groups received events recently. With --wait it reads again until\n" +
			"the command is done. It exits 1 when an instance failed, and when reading stopped (the\n" +
			"instances read are still shown).",
		ko: "cwsetup fleet status는 실행 명령이 보관한 그대로 명령을 읽습니다: 상태와 집계(ListCommands),\n" +
			"그리고 대상이었던 모든 인스턴스의 호출(ListCommandInvocations, 한 번에 50개, 진행 상황은\n" +
			"stderr). Status와 StatusDetails(전달되지 않음, 전달 시간 초과, 종료됨, 플랫폼으로 건너뜀),\n" +
			"cwsetup 종료 코드와 한 줄 요약(apply가 마지막에 출력하는 줄), 답변의 로그 그룹에서 그\n" +
			"인스턴스의 로그 스트림(스트림 이름 = 인스턴스 ID)에 최근 이벤트가 들어왔는지 보여 줍니다.\n" +
			"--wait를 주면 명령이 끝날 때까지 다시 읽습니다. 실패한 인스턴스가 있거나 읽기가 중간에\n" +
			"멈추면 1로 끝납니다(읽은 인스턴스는 그래도 보여 줍니다).",
	},

	FleetFlagAnswers:        {en: "answers file to publish (YAML or JSON)", ko: "게시할 답변 파일 (YAML 또는 JSON)"},
	FleetFlagName:           {en: "Parameter Store parameter name", ko: "파라미터 스토어 파라미터 이름"},
	FleetFlagNameApply:      {en: "answers parameter, NAME or NAME:VERSION (default: its latest version)", ko: "답변 파라미터, 이름 또는 이름:버전 (기본값: 최신 버전)"},
	FleetFlagTargets:        {en: "instances to run on: tag:Key=Value[,Value…] or instanceids=i-…[,i-…] (repeat: all must match)", ko: "실행할 인스턴스: tag:키=값[,값…] 또는 instanceids=i-…[,i-…] (여러 번 주면 모두 만족해야 함)"},
	FleetFlagMaxConcurrency: {en: "instances running at once, a number or a percentage", ko: "동시에 실행할 인스턴스 수 (개수 또는 백분율)"},
	FleetFlagMaxErrors:      {en: "failures after which Run Command stops sending, a number or a percentage", ko: "이만큼 실패하면 실행 명령이 더 보내지 않음 (개수 또는 백분율)"},
	FleetFlagSchedule:       {en: "also create a State Manager association with this schedule, e.g. \"rate(30 minutes)\"", ko: "이 일정으로 상태 관리자 연결도 만들기 (예: \"rate(30 minutes)\")"},
	FleetFlagDocument:       {en: "name of the SSM Command document", ko: "SSM 명령 문서 이름"},
	FleetFlagReleaseURL:     {en: "where the instances download cwsetup releases (default: GitHub; a mirror for instances without internet)", ko: "인스턴스가 cwsetup 릴리스를 내려받을 주소 (기본값: GitHub, 인터넷이 없는 인스턴스에는 미러)"},
	FleetFlagVersion:        {en: "cwsetup version the instances install (default: this one)", ko: "인스턴스에 설치할 cwsetup 버전 (기본값: 지금 실행 중인 버전)"},
	FleetFlagAllowUnmanaged: {en: "send even though some targeted instances are not SSM-managed (they are not reached)", ko: "관리형 인스턴스가 아닌 대상이 있어도 보내기 (그 인스턴스에는 도달하지 않음)"},
	FleetFlagCommandID:      {en: "command id that fleet apply printed", ko: "fleet apply가 출력한 명령 ID"},
	FleetFlagFresh:          {en: "a log stream is arriving when its last event is this recent", ko: "마지막 이벤트가 이 시간 안이면 로그가 도착 중으로 봄"},
	FleetFlagYes:            {en: "do it without asking (for scripts)", ko: "묻지 않고 진행 (스크립트용)"},

	FleetErrNoTargets: {
		en: "no targets: give --targets tag:Key=Value (for example --targets tag:Role=web)",
		ko: "대상이 없습니다: --targets tag:키=값을 지정하세요 (예: --targets tag:Role=web)",
	},
	FleetErrTooManyTargets: {
		en: "%d targets given; Run Command takes at most %d",
		ko: "대상을 %d개 지정했습니다. 실행 명령은 최대 %d개까지 받습니다",
	},
	FleetErrBadTarget: {
		en: "invalid target %q: use tag:Key=Value[,Value…] (tag keys starting with aws: are reserved) or instanceids=i-…",
		ko: "잘못된 대상 %q: tag:키=값[,값…] 또는 instanceids=i-… 형식을 쓰세요 (aws:로 시작하는 태그 키는 AWS 예약)",
	},
	FleetErrBadInstanceID: {
		en: "invalid instance id %q: instance ids look like i-0123456789abcdef0",
		ko: "잘못된 인스턴스 ID %q: 인스턴스 ID는 i-0123456789abcdef0 같은 형식입니다",
	},
	FleetErrBadConcurrency: {
		en: "invalid --max-concurrency %q: give a number of instances (10) or a percentage (10%%), at least 1",
		ko: "잘못된 --max-concurrency %q: 인스턴스 개수(10)나 백분율(10%%)을 1 이상으로 지정하세요",
	},
	FleetErrBadMaxErrors: {
		en: "invalid --max-errors %q: give a number of failures (0, 1, 5) or a percentage (5%%)",
		ko: "잘못된 --max-errors %q: 실패 개수(0, 1, 5)나 백분율(5%%)을 지정하세요",
	},
	FleetErrBadSchedule: {
		en: "invalid --schedule %q: use rate(30 minutes), rate(1 hour), rate(1 day) or a cron(…) expression",
		ko: "잘못된 --schedule %q: rate(30 minutes), rate(1 hour), rate(1 day) 또는 cron(…) 식을 쓰세요",
	},
	FleetErrScheduleTooOften: {
		en: "--schedule %q is too frequent: State Manager runs an association at most every %d minutes",
		ko: "--schedule %q: 너무 잦습니다. 상태 관리자는 연결을 최소 %d분 간격으로 실행합니다",
	},
	FleetErrBadParameter: {
		en: "invalid parameter name %q: use letters, digits, _ . - and / (e.g. /cwsetup/web), optionally :VERSION",
		ko: "잘못된 파라미터 이름 %q: 영문자, 숫자, _ . - 와 /를 쓰세요 (예: /cwsetup/web), 필요하면 :버전",
	},
	FleetErrReservedParameter: {
		en: "parameter name %q is reserved by AWS (names starting with aws or ssm): choose another, e.g. /cwsetup/web",
		ko: "%q: AWS가 예약한 파라미터 이름입니다(aws나 ssm으로 시작). /cwsetup/web처럼 다른 이름을 쓰세요",
	},
	FleetErrVersionNotHere: {
		en: "%q names a version: publish writes a new version of NAME; give the name without :VERSION",
		ko: "%q: 버전이 붙은 이름입니다. publish는 새 버전을 만들므로 :버전 없이 이름만 지정하세요",
	},
	FleetErrBadDocumentName: {
		en: "invalid document name %q: 3–128 letters, digits, _ . -, not starting with AWS or Amazon",
		ko: "잘못된 문서 이름 %q: 영문자, 숫자, _ . - 로 3~128자이고 AWS나 Amazon으로 시작하지 않아야 합니다",
	},
	FleetErrBadVersion: {
		en: "invalid cwsetup version %q: give a released version such as 1.2.3",
		ko: "잘못된 cwsetup 버전 %q: 1.2.3 같은 릴리스 버전을 지정하세요",
	},
	FleetErrBadReleaseURL: {
		en: "invalid --release-url %q: use https:// (plain http only for 127.0.0.1 and localhost), without quotes or spaces",
		ko: "잘못된 --release-url %q: https:// 주소를 쓰세요 (http는 127.0.0.1과 localhost만 허용, 따옴표와 공백 불가)",
	},
	FleetErrNotOurDocument: {
		en: "an SSM document named %q exists and was not made by cwsetup: it is left as it is. Choose another name with --document",
		ko: "같은 이름(%q)의 SSM 문서가 이미 있는데 cwsetup이 만든 문서가 아닙니다. 그대로 두었으니 --document로 다른 이름을 지정하세요",
	},
	FleetErrAnswersTooBig: {
		en: "the answers are %d bytes; Parameter Store holds at most %d (Advanced tier): shorten them (drop comments, defaults)",
		ko: "답변이 %d바이트입니다. 파라미터 스토어는 최대 %d바이트(고급 계층)까지 저장합니다: 주석이나 기본값을 지워 줄이세요",
	},
	FleetErrNoParameter: {
		en: "Parameter Store has no parameter %s (in this region): publish it first with `cwsetup fleet publish --answers FILE --name NAME`",
		ko: "파라미터 스토어(이 리전)에 %s 파라미터가 없습니다: 먼저 `cwsetup fleet publish --answers 파일 --name 이름`으로 게시하세요",
	},
	FleetErrStoredAnswers: {
		en: "the answers in %s are not valid: %v. Fix the file and publish it again",
		ko: "%s에 저장된 답변이 올바르지 않습니다: %v. 파일을 고친 뒤 다시 게시하세요",
	},
	FleetErrNoInstances: {
		en: "no running instance matches %s: check the tag key and value (they are case-sensitive) and the region",
		ko: "%s에 맞는 실행 중인 인스턴스가 없습니다: 태그 키와 값(대소문자 구분)과 리전을 확인하세요",
	},
	FleetErrUnmanaged: {
		en: "%d of %d targeted instances are not SSM-managed (agent not online, or their role lacks AmazonSSMManagedInstanceCore): %s. Fix them, or send anyway with --allow-unmanaged",
		ko: "대상 인스턴스 %[2]d대 중 %[1]d대가 관리형 인스턴스가 아닙니다(SSM 에이전트가 온라인이 아니거나 역할에 AmazonSSMManagedInstanceCore가 없음): %[3]s. 고친 뒤 다시 실행하거나 --allow-unmanaged로 그대로 보내세요",
	},
	FleetErrNoCommand: {
		en: "Run Command has no command %s (in this region; commands are kept 30 days)",
		ko: "실행 명령에 %s 명령이 없습니다 (이 리전 기준, 명령 기록은 30일간 보관)",
	},
	FleetErrNeedAnswers: {
		en: "no answers file: give --answers FILE (save one from the wizard with --save-answers)",
		ko: "답변 파일이 없습니다: --answers 파일을 지정하세요 (마법사에서 --save-answers로 저장할 수 있습니다)",
	},
	FleetErrAnswersRead: {
		en: "cannot read the answers file %s: %v",
		ko: "답변 파일을 읽을 수 없습니다(%s): %v",
	},
	FleetErrNeedYes: {
		en: "nothing was sent: there is no terminal to ask on; review the plan above and run again with --yes",
		ko: "아무것도 보내지 않았습니다: 확인을 물을 터미널이 없습니다. 위 계획을 검토한 뒤 --yes를 붙여 다시 실행하세요",
	},
	FleetErrDevBuild: {
		en: "this cwsetup is a development build with no release to install on the instances: give --cwsetup-version 1.2.3",
		ko: "이 cwsetup은 개발 빌드라 인스턴스에 설치할 릴리스가 없습니다: --cwsetup-version 1.2.3처럼 지정하세요",
	},
	FleetErrNeedCommandID: {
		en: "give --command-id, the id fleet apply printed",
		ko: "--command-id에 fleet apply가 출력한 명령 ID를 지정하세요",
	},
	FleetErrNoRegion: {
		en: "no region: set AWS_REGION or give --region",
		ko: "리전이 없습니다: AWS_REGION을 설정하거나 --region을 지정하세요",
	},

	FleetConfirm:  {en: "Proceed? [y/N] ", ko: "진행할까요? [y/N] "},
	FleetYesWords: {en: "y,yes", ko: "y,yes,예,네,ㅇ"},
	FleetNotSent:  {en: "Nothing was changed.", ko: "아무것도 바꾸지 않았습니다."},
	FleetUsing:    {en: "Region %s", ko: "리전 %s"},
	FleetPlanHeader: {
		en: "Plan:",
		ko: "계획:",
	},
	FleetPubNew: {
		en: "  parameter %s: new, version 1 (%d bytes, %s tier)",
		ko: "  파라미터 %s: 새로 만듦, 버전 1 (%d바이트, %s 계층)",
	},
	FleetPubNext: {
		en: "  parameter %s: version %d → %d (%d bytes, %s tier)",
		ko: "  파라미터 %s: 버전 %d → %d (%d바이트, %s 계층)",
	},
	FleetPubSame: {
		en: "  parameter %s: version %d already holds these answers; no new version",
		ko: "  파라미터 %s: 버전 %d에 이미 같은 답변이 있어 새 버전을 만들지 않습니다",
	},
	FleetPubAdvanced: {
		en: "  note: %d bytes is over the Standard tier's 4 KB, so this is an Advanced parameter (charged per parameter and month; it cannot go back to Standard)",
		ko: "  참고: %d바이트는 표준 계층 한도(4KB)를 넘어 고급 계층 파라미터가 됩니다 (파라미터마다 월 요금, 표준 계층으로 되돌릴 수 없음)",
	},
	FleetPubKeepAdv: {
		en: "  note: the parameter is already Advanced and stays Advanced (Parameter Store cannot change it back)",
		ko: "  참고: 이미 고급 계층 파라미터라 고급 계층으로 유지됩니다 (파라미터 스토어는 되돌릴 수 없음)",
	},
	FleetPubDiff:    {en: "  changes against version %d:", ko: "  버전 %d 대비 변경 내용:"},
	FleetPubHistory: {en: "  history (the undo list):", ko: "  기록 (되돌릴 수 있는 버전):"},
	FleetPubHistLine: {
		en: "    version %d  %s  %d bytes",
		ko: "    버전 %d  %s  %d바이트",
	},
	FleetPubDone:    {en: "Published %s version %d.", ko: "게시했습니다: %s, 버전 %d"},
	FleetPubNothing: {en: "Nothing to publish.", ko: "게시할 변경이 없습니다."},
	FleetPubNextStep: {
		en: "Next: cwsetup fleet apply --name %s --targets tag:Key=Value",
		ko: "다음 단계: cwsetup fleet apply --name %s --targets tag:키=값",
	},

	FleetAppParam: {
		en: "  answers: %s (%d bytes, %s tier; each instance runs this version)",
		ko: "  답변: %s (%d바이트, %s 계층, 모든 인스턴스가 이 버전을 실행)",
	},
	FleetAppDocCreate: {en: "  document %s: new (installs cwsetup %s)", ko: "  문서 %s: 새로 만듦 (cwsetup %s 설치)"},
	FleetAppDocUpdate: {en: "  document %s: new version after %s", ko: "  문서 %s: 버전 %s 다음 새 버전"},
	FleetAppDocSame:   {en: "  document %s: version %s, unchanged", ko: "  문서 %s: 버전 %s, 변경 없음"},
	FleetAppDocDiff:   {en: "  document changes:", ko: "  문서 변경 내용:"},
	FleetAppInstances: {
		en: "  instances: %d matching %s: %s",
		ko: "  인스턴스: %[2]s에 맞는 %[1]d대: %[3]s",
	},
	FleetAppUnmanaged: {
		en: "  not SSM-managed, will not be reached: %d (%s)",
		ko: "  관리형 인스턴스가 아니어서 도달하지 못함: %d대 (%s)",
	},
	FleetAppRate: {
		en: "  rate: %s at once (%d of %d); max errors %s: Run Command stops sending at failure %d",
		ko: "  속도 제어: 동시에 %s (%[3]d대 중 %[2]d대), 최대 오류 %[4]s: %[5]d번째 실패에서 더 보내지 않음",
	},
	FleetAppAssocCreate: {en: "  association %s: new, %s", ko: "  상태 관리자 연결 %s: 새로 만듦, %s"},
	FleetAppAssocUpdate: {en: "  association %s: updated, %s", ko: "  상태 관리자 연결 %s: 갱신, %s"},
	FleetAppAssocSame:   {en: "  association %s: unchanged, %s", ko: "  상태 관리자 연결 %s: 변경 없음, %s"},
	FleetAppNoAssoc: {
		en: "  no association (new instances are not handled; add --schedule \"rate(30 minutes)\")",
		ko: "  상태 관리자 연결 없음 (새 인스턴스는 처리되지 않음, --schedule \"rate(30 minutes)\"로 추가)",
	},
	FleetAppDocDone:   {en: "Document %s is at version %s.", ko: "문서 %s: 버전 %s"},
	FleetAppSent:      {en: "Sent command %s.", ko: "명령을 보냈습니다: %s"},
	FleetAppAssocDone: {en: "Association %s.", ko: "상태 관리자 연결 %s."},
	FleetAppNextStep: {
		en: "Follow it: cwsetup fleet status --command-id %s",
		ko: "진행 확인: cwsetup fleet status --command-id %s",
	},
	FleetAppRollback: {
		en: "Roll back: cwsetup fleet apply --name %s:%d (the previous version) with the same targets",
		ko: "되돌리기: 같은 대상으로 cwsetup fleet apply --name %s:%d (이전 버전)",
	},

	FleetStHeader: {
		en: "Command %s (%s, answers %s): %s",
		ko: "명령 %s (%s, 답변 %s): %s",
	},
	FleetStTotals: {
		en: "%d instances: %d ok, %d failed, %d running, %d not reached, %d not SSM-managed",
		ko: "인스턴스 %d대: 성공 %d, 실패 %d, 실행 중 %d, 도달하지 못함 %d, 관리형 인스턴스 아님 %d",
	},
	FleetStFailedStep: {en: "  failed at %s: %d", ko: "  %s 단계에서 실패: %d"},
	FleetStColumns: {
		en: "INSTANCE\tRESULT\tEXIT\tLOGS\tSUMMARY",
		ko: "인스턴스\t결과\t종료 코드\t로그\t요약",
	},
	FleetStLogsCell: {en: "%d/%d arriving", ko: "%d/%d 도착 중"},
	FleetStLogsNone: {en: "none yet", ko: "아직 없음"},
	FleetStNoGroups: {en: "Log groups: none of the answers' groups exist yet.", ko: "로그 그룹: 답변의 로그 그룹이 아직 하나도 없습니다."},
	FleetStGroups:   {en: "Log groups looked at: %s", ko: "확인한 로그 그룹: %s"},
	FleetNoteAnswers: {
		en: "Log streams not checked: the command's answers parameter cannot be read.",
		ko: "로그 스트림은 확인하지 않았습니다: 명령의 답변 파라미터를 읽을 수 없습니다.",
	},
	FleetNoteStream: {
		en: "Log streams not checked: the answers' stream_name does not contain {instance_id}.",
		ko: "로그 스트림은 확인하지 않았습니다: 답변의 stream_name에 {instance_id}가 없습니다.",
	},
	FleetCatOK:        {en: "ok", ko: "성공"},
	FleetCatFailed:    {en: "failed at %s", ko: "실패(%s)"},
	FleetCatRunning:   {en: "running", ko: "실행 중"},
	FleetCatNotReach:  {en: "not reached", ko: "도달하지 못함"},
	FleetCatNotManage: {en: "not SSM-managed", ko: "관리형 인스턴스 아님"},

	FleetIAMNote: {
		en: "note: the policy adds ssm:GetParameter on %s only, so `cwsetup apply --answers-ssm` can read the answers.\n" +
			"The SSM agent itself (Run Command, State Manager) needs the AWS managed policy AmazonSSMManagedInstanceCore\n" +
			"on the same role. cwsetup does not add it, since it grants more than cwsetup needs; attach it yourself:\n" +
			"  aws iam attach-role-policy --role-name %s --policy-arn arn:%s:iam::aws:policy/AmazonSSMManagedInstanceCore",
		ko: "참고: 이 정책은 %s에 대한 ssm:GetParameter만 더해 `cwsetup apply --answers-ssm`이 답변을 읽게 합니다.\n" +
			"SSM 에이전트 자체(실행 명령, 상태 관리자)에는 같은 역할에 AWS 관리형 정책 AmazonSSMManagedInstanceCore가\n" +
			"필요합니다. 이 정책은 cwsetup에 필요한 것보다 넓은 권한이라 cwsetup이 추가하지 않으니 직접 연결하세요:\n" +
			"  aws iam attach-role-policy --role-name %s --policy-arn arn:%s:iam::aws:policy/AmazonSSMManagedInstanceCore",
	},

	ApplyFlagAnswersSSM: {
		en: "read the answers from this Parameter Store parameter (NAME or NAME:VERSION), with the instance's role",
		ko: "답변을 이 파라미터 스토어 파라미터(이름 또는 이름:버전)에서 인스턴스 역할로 읽기",
	},
	ApplyErrAnswersBoth: {
		en: "give either --answers or --answers-ssm, not both",
		ko: "--answers와 --answers-ssm 중 하나만 지정하세요",
	},
	ApplyErrSSMNotFound: {
		en: "Parameter Store has no parameter %s in %s: check the name and that it was published in this instance's region",
		ko: "%[2]s 리전의 파라미터 스토어에 %[1]s 파라미터가 없습니다: 이름과, 이 인스턴스의 리전에 게시했는지 확인하세요",
	},
	ApplyErrSSMRead: {
		en: "cannot read the answers from Parameter Store: %v",
		ko: "파라미터 스토어에서 답변을 읽을 수 없습니다: %v",
	},
	ApplyReadSSM: {
		en: "Answers: %s version %d from Parameter Store (%d bytes)",
		ko: "답변: 파라미터 스토어의 %s 버전 %d (%d바이트)",
	},
	ApplyResultOK:       {en: "config applied, agent running", ko: "설정 적용, 에이전트 실행 중"},
	ApplyResultVerified: {en: "config applied and verified", ko: "설정 적용 및 확인 완료"},
	FlagFleetParameter: {
		en: "also allow ssm:GetParameter on this Parameter Store parameter (for cwsetup apply --answers-ssm)",
		ko: "이 파라미터 스토어 파라미터에 대한 ssm:GetParameter도 허용 (cwsetup apply --answers-ssm용)",
	},
	IAMHintFleetParameter: {
		en: "give the Parameter Store name without a version, e.g. /cwsetup/web",
		ko: "버전 없이 파라미터 스토어 이름만 지정하세요 (예: /cwsetup/web)",
	},
})

// Fleet: one target model, platform, schedule-only, status details.
const (
	FleetErrTooManyIDs    Key = "fleet.err.too_many_ids"
	FleetErrMixedTargets  Key = "fleet.err.mixed_targets"
	FleetErrNoLinux       Key = "fleet.err.no_linux"
	FleetErrBadDelivery   Key = "fleet.err.bad_delivery"
	FleetErrWaitNeedsCron Key = "fleet.err.wait_needs_cron"
	FleetErrStatusFailed  Key = "fleet.err.status_failed"

	FleetFlagWaitSchedule    Key = "fleet.flag.wait_schedule"
	FleetFlagDeliveryTimeout Key = "fleet.flag.delivery_timeout"

	FleetAppNotLinux     Key = "fleet.app.not_linux"
	FleetAppNotLinuxTag  Key = "fleet.app.not_linux_tag"
	FleetAppAssocRunsNow Key = "fleet.app.assoc_runs_now"
	FleetAppAssocWaits   Key = "fleet.app.assoc_waits"
	FleetAppAssocNext    Key = "fleet.app.assoc_next"

	FleetCatSkipped Key = "fleet.cat.skipped"
	FleetCatNotDone Key = "fleet.cat.not_done"
	FleetStSkipped  Key = "fleet.st.skipped"
)

var _ = add(map[Key]text{
	FleetErrTooManyIDs: {
		en: "%d instance ids: Run Command takes at most %d per command; select them by tag (--targets tag:KEY=VALUE) instead",
		ko: "인스턴스 ID %d개: 실행 명령은 명령 하나에 최대 %d개까지 받습니다. 대신 태그로 고르세요 (--targets tag:키=값)",
	},
	FleetErrMixedTargets: {
		en: "--targets instanceids=… cannot be combined with other --targets: a command is sent either to instance ids or to tags; give the ids in one instanceids= list, or use tags only",
		ko: "--targets instanceids=…는 다른 --targets와 함께 쓸 수 없습니다. 명령은 인스턴스 ID나 태그 중 하나로만 보냅니다. ID는 instanceids= 하나에 모두 적거나 태그만 쓰세요",
	},
	FleetErrNoLinux: {
		en: "none of the %d targeted instances runs Linux (%s); the document runs on Linux only",
		ko: "대상 인스턴스 %d대 중 Linux 인스턴스가 없습니다 (%s). 이 문서는 Linux에서만 실행됩니다",
	},
	FleetErrBadDelivery: {
		en: "invalid --delivery-timeout %ds: Run Command takes 30 seconds to 30 days",
		ko: "잘못된 --delivery-timeout %d초: 실행 명령은 30초에서 30일까지 받습니다",
	},
	FleetErrWaitNeedsCron: {
		en: "--wait-for-schedule needs a cron(…) --schedule: State Manager waits for the next run only with cron expressions",
		ko: "--wait-for-schedule에는 cron(…) 형식의 --schedule이 필요합니다. 상태 관리자는 cron 식일 때만 다음 실행 시각까지 기다립니다",
	},
	FleetErrStatusFailed: {
		en: "%d of %d instances failed",
		ko: "인스턴스 %[2]d대 중 %[1]d대가 실패했습니다",
	},
	FleetFlagWaitSchedule: {
		en: "with --schedule (cron only): the association's first run waits for the next scheduled time instead of running at once",
		ko: "--schedule(cron만)과 함께: 상태 관리자 연결을 바로 실행하지 않고 다음 예약 시각에 처음 실행",
	},
	FleetFlagDeliveryTimeout: {
		en: "how long an instance may take to pick the command up, in seconds (Run Command's TimeoutSeconds)",
		ko: "인스턴스가 명령을 받아 가기까지 기다리는 시간(초, 실행 명령의 TimeoutSeconds)",
	},
	FleetAppNotLinux: {
		en: "  not Linux, not sent (the document runs on Linux only): %d (%s)",
		ko: "  Linux가 아니어서 보내지 않음 (이 문서는 Linux 전용): %d대 (%s)",
	},
	FleetAppNotLinuxTag: {
		en: "  not Linux, skipped by the document's Linux precondition: %d (%s)",
		ko: "  Linux가 아니어서 문서의 Linux 전제 조건으로 건너뜀: %d대 (%s)",
	},
	FleetAppAssocRunsNow: {
		en: "  the association runs at once on the instances above (its first run is the rollout; no separate command is sent)",
		ko: "  상태 관리자 연결이 위 인스턴스에서 바로 실행됩니다 (첫 실행이 곧 배포이며 별도 명령은 보내지 않음)",
	},
	FleetAppAssocWaits: {
		en: "  the association first runs at the next scheduled time (no command is sent now)",
		ko: "  상태 관리자 연결은 다음 예약 시각에 처음 실행됩니다 (지금은 명령을 보내지 않음)",
	},
	FleetAppAssocNext: {
		en: "Follow it: aws ssm list-command-invocations --filters key=DocumentName,value=%s (State Manager sends the commands)",
		ko: "진행 확인: aws ssm list-command-invocations --filters key=DocumentName,value=%s (상태 관리자가 명령을 보냅니다)",
	},
	FleetCatSkipped: {en: "skipped (not Linux)", ko: "건너뜀 (Linux 아님)"},
	FleetCatNotDone: {en: "not run: %s", ko: "실행 안 됨: %s"},
	FleetStSkipped: {
		en: "  skipped by the document's Linux precondition: %d",
		ko: "  문서의 Linux 전제 조건으로 건너뜀: %d",
	},
})
