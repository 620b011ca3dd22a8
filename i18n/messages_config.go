package i18n

// Answers file, role presets, agent config rendering and validation
// (`cwsetup config`).
const (
	ConfigShort      Key = "config.short"
	ConfigLong       Key = "config.long"
	ConfigExample    Key = "config.example"
	FlagAnswers      Key = "config.flag.answers"
	FlagSaveAnswers  Key = "config.flag.save_answers"
	FlagSummary      Key = "config.flag.summary"
	FlagRole         Key = "config.flag.role"
	FlagExisting     Key = "config.flag.existing"
	FlagNoCheck      Key = "config.flag.no_check"
	FlagDiff         Key = "config.flag.diff"
	ErrAnswersRead   Key = "config.err.answers_read"
	ErrAnswersWrite  Key = "config.err.answers_write"
	ErrAnswersSyntax Key = "config.err.answers_syntax"
	ErrAnswersEmpty  Key = "config.err.answers_empty"
	ErrExistingRead  Key = "config.err.existing_read"
	ErrExistingJSON  Key = "config.err.existing_json"
	ErrConfigInvalid Key = "config.err.invalid"
	ErrBadRoleFlag   Key = "config.err.bad_role_flag"

	AnsUnknownKey           Key = "config.ans.unknown_key"
	AnsWrongType            Key = "config.ans.wrong_type"
	AnsTypeMapping          Key = "config.ans.type_mapping"
	AnsTypeList             Key = "config.ans.type_list"
	AnsTypeString           Key = "config.ans.type_string"
	AnsTypeNumber           Key = "config.ans.type_number"
	AnsTypeBool             Key = "config.ans.type_bool"
	AnsTypeNoAnchor         Key = "config.ans.type_no_anchor"
	AnsStreamLen            Key = "config.ans.stream_len"
	AnsStreamChars          Key = "config.ans.stream_chars"
	AnsStreamPlaceholder    Key = "config.ans.stream_placeholder"
	AnsProcstatLen          Key = "config.ans.procstat_len"
	AnsBadRole              Key = "config.ans.bad_role"
	AnsBadRegion            Key = "config.ans.bad_region"
	AnsBadRunAs             Key = "config.ans.bad_run_as"
	AnsBadGroupName         Key = "config.ans.bad_group_name"
	AnsGroupLen             Key = "config.ans.group_len"
	AnsGroupAWS             Key = "config.ans.group_aws"
	AnsBadClass             Key = "config.ans.bad_class"
	AnsNothing              Key = "config.ans.nothing"
	AnsNoSource             Key = "config.ans.no_source"
	AnsTwoSources           Key = "config.ans.two_sources"
	AnsBadPath              Key = "config.ans.bad_path"
	AnsDupPath              Key = "config.ans.dup_path"
	AnsDupJournal           Key = "config.ans.dup_journal"
	AnsJournalFileKey       Key = "config.ans.journal_file_key"
	AnsBadPriority          Key = "config.ans.bad_priority"
	AnsBadUnit              Key = "config.ans.bad_unit"
	AnsBadMatch             Key = "config.ans.bad_match"
	AnsRequired             Key = "config.ans.required"
	AnsBadTimestamp         Key = "config.ans.bad_timestamp"
	AnsBadTimezone          Key = "config.ans.bad_timezone"
	AnsTimestampDirective   Key = "config.ans.timestamp_directive"
	AnsTimestampFraction    Key = "config.ans.timestamp_fraction"
	AnsTimestampNoDirective Key = "config.ans.timestamp_no_directive"
	AnsBadRegex             Key = "config.ans.bad_regex"
	AnsMultiNeedsTS         Key = "config.ans.multi_needs_ts"
	AnsBadRetention         Key = "config.ans.bad_retention"
	AnsRetentionConflict    Key = "config.ans.retention_conflict"
	AnsClassConflict        Key = "config.ans.class_conflict"
	AnsBadMetric            Key = "config.ans.bad_metric"
	AnsBadInterval          Key = "config.ans.bad_interval"
	AnsBadAlarmThreshold    Key = "config.ans.bad_alarm_threshold"
	AnsBadAlarmPeriod       Key = "config.ans.bad_alarm_period"
	AnsBadAlarmSNS          Key = "config.ans.bad_alarm_sns"
	AnsAlarmsByIAMSetup     Key = "config.ans.alarms_by_iam_setup"

	ProbSchema       Key = "config.prob.schema"
	ChkNotJSON       Key = "config.chk.not_json"
	ChkBadValue      Key = "config.chk.bad_value"
	ChkMissingKey    Key = "config.chk.missing_key"
	ChkUnknownKey    Key = "config.chk.unknown_key"
	ChkNotString     Key = "config.chk.not_string"
	ChkEnum          Key = "config.chk.enum"
	ChkEmptyList     Key = "config.chk.empty_list"
	ChkNothing       Key = "config.chk.nothing"
	ChkLength        Key = "config.chk.length"
	TrRetention      Key = "config.tr.retention"
	TrClass          Key = "config.tr.class"
	TrEncoding       Key = "config.tr.encoding"
	TrTimestamp      Key = "config.tr.timestamp"
	TrRegex          Key = "config.tr.regex"
	TrGroupCharset   Key = "config.tr.group_charset"
	TrPlaceholder    Key = "config.tr.placeholder"
	ProbTimestampBad Key = "config.prob.timestamp_mismatch"
	ProbCollectd     Key = "config.prob.collectd"
	ProbAt           Key = "config.prob.at"

	SumHeader       Key = "config.sum.header"
	SumRole         Key = "config.sum.role"
	SumFile         Key = "config.sum.file"
	SumJournal      Key = "config.sum.journal"
	SumRetention    Key = "config.sum.retention"
	SumRetentionOff Key = "config.sum.retention_off"
	SumRetentionInf Key = "config.sum.retention_never"
	SumTSChecked    Key = "config.sum.ts_checked"
	SumTSUnchecked  Key = "config.sum.ts_unchecked"
	SumTSNone       Key = "config.sum.ts_none"
	SumTSMismatch   Key = "config.sum.ts_mismatch"
	SumNotShipped   Key = "config.sum.not_shipped"
	SumMetrics      Key = "config.sum.metrics"
	SumMetricsOff   Key = "config.sum.metrics_off"
	SumRunAs        Key = "config.sum.run_as"
	SumRegionHost   Key = "config.sum.region_host"
	SumRegion       Key = "config.sum.region"
	SumProblems     Key = "config.sum.problems"
	SumValid        Key = "config.sum.valid"
	SumJournalOld   Key = "config.sum.journal_old"
)

var _ = add(map[Key]text{
	ConfigShort: {
		en: "Print the CloudWatch agent config.json for this host (no changes)",
		ko: "이 호스트용 CloudWatch 에이전트 config.json을 출력합니다 (아무것도 변경하지 않음)",
	},
	ConfigLong: {
		en: "Print the CloudWatch agent config.json that the answers produce — by default the\n" +
			"answers cwsetup derives from what it detects on this host and the role preset.\n" +
			"The config goes to stdout; a summary of what goes where goes to stderr.\n" +
			"Nothing is written unless --save-answers is given.\n\n" +
			"Before printing, the config is checked the way the agent checks it (schema rules,\n" +
			"one retention and one class per log group, timestamp formats in the agent's\n" +
			"dialect) and each timestamp_format is tried on the log file's recent lines.",
		ko: "답변으로 만들어지는 CloudWatch 에이전트 config.json을 출력합니다. 기본값은 이 호스트에서\n" +
			"찾아낸 내용과 서버 유형 프리셋으로 cwsetup이 정한 답변입니다.\n" +
			"구성은 표준 출력으로, 무엇을 어디로 보내는지 요약은 표준 오류로 나갑니다.\n" +
			"--save-answers를 주지 않으면 아무 파일도 쓰지 않습니다.\n\n" +
			"출력 전에 에이전트와 같은 방식으로 구성을 검사하고(스키마 규칙, 로그 그룹당 보존 기간과\n" +
			"클래스는 하나, 에이전트가 아는 타임스탬프 형식), 각 timestamp_format을 로그 파일의\n" +
			"최근 줄에 직접 적용해 봅니다.",
	},
	ConfigExample: {
		en: "  cwsetup config                                  # the config for this host, summary on stderr\n" +
			"  cwsetup config --role db-mysql --save-answers answers.yaml\n" +
			"  cwsetup config --answers answers.yaml --diff    # replay answers, show what changes",
		ko: "  cwsetup config                                  # 이 호스트용 구성 (요약은 표준 오류로)\n" +
			"  cwsetup config --role db-mysql --save-answers answers.yaml\n" +
			"  cwsetup config --answers answers.yaml --diff    # 저장한 답변으로 다시 만들고 바뀌는 점 보기",
	},
	FlagAnswers: {
		en: "answers file (YAML or JSON; - for stdin) over the detected defaults",
		ko: "감지된 기본값 위에 적용할 답변 파일 (YAML 또는 JSON, -는 표준 입력)",
	},
	FlagSaveAnswers: {
		en: "write the answers used to this file (YAML), to replay them later or on other hosts",
		ko: "사용한 답변을 이 파일에 저장 (YAML). 나중에 또는 다른 호스트에서 그대로 다시 쓸 수 있습니다",
	},
	FlagSummary: {
		en: "print the human summary on stdout after the config instead of on stderr",
		ko: "사람이 읽는 요약을 표준 오류 대신 표준 출력의 구성 뒤에 출력",
	},
	FlagRole: {
		en: "role preset: web-apache-php, web-nginx-php, was-tomcat, db-mysql, base (default: from detection)",
		ko: "서버 유형 프리셋: web-apache-php, web-nginx-php, was-tomcat, db-mysql, base (기본값: 감지 결과로 결정)",
	},
	FlagExisting: {
		en: "existing agent config to merge into (default: the one detected on the host)",
		ko: "병합할 기존 에이전트 구성 파일 (기본값: 호스트에서 찾은 구성)",
	},
	FlagNoCheck: {
		en: "skip trying timestamp formats on the log files",
		ko: "타임스탬프 형식을 로그 파일에 적용해 보는 검사를 건너뜀",
	},
	FlagDiff: {
		en: "print a unified diff against the existing config on stderr",
		ko: "기존 구성과의 차이(unified diff)를 표준 오류로 출력",
	},
	ErrAnswersRead: {
		en: "cannot read the answers file %s: %v",
		ko: "답변 파일 %s을(를) 읽을 수 없습니다: %v",
	},
	ErrAnswersWrite: {
		en: "cannot write the answers file %s: %v",
		ko: "답변 파일 %s을(를) 쓸 수 없습니다: %v",
	},
	ErrAnswersSyntax: {
		en: "the answers file is not valid YAML or JSON: %s. Fix the syntax at that line and retry",
		ko: "답변 파일이 올바른 YAML 또는 JSON이 아닙니다: %s. 해당 줄의 문법을 고친 뒤 다시 실행하세요",
	},
	ErrAnswersEmpty: {
		en: "the answers file is empty; write at least \"role: base\" or start from `cwsetup config --save-answers F`",
		ko: "답변 파일이 비어 있습니다. 최소한 \"role: base\"를 쓰거나 `cwsetup config --save-answers F`로 만든 파일에서 시작하세요",
	},
	ErrExistingRead: {
		en: "cannot read the existing agent config %s: %v",
		ko: "기존 에이전트 구성 %s을(를) 읽을 수 없습니다: %v",
	},
	ErrExistingJSON: {
		en: "the existing agent config %s is not valid JSON (%v); fix or move it so cwsetup can keep its other sections",
		ko: "기존 에이전트 구성 %s이(가) 올바른 JSON이 아닙니다 (%v). cwsetup이 나머지 섹션을 보존할 수 있도록 파일을 고치거나 옮기세요",
	},
	ErrConfigInvalid: {
		en: "the generated config would be rejected by the agent (%d problem(s), listed above); change the answers and retry",
		ko: "생성된 구성은 에이전트가 거부합니다 (문제 %d건, 위 목록 참고). 답변을 고친 뒤 다시 실행하세요",
	},
	ErrBadRoleFlag: {
		en: "unknown role %q; choose one of: %s",
		ko: "알 수 없는 서버 유형 프리셋 %q입니다. 다음 중 하나를 고르세요: %s",
	},

	AnsUnknownKey: {
		en: "%s (line %d): unknown key; allowed here: %s",
		ko: "%s (%d번째 줄): 알 수 없는 키입니다. 여기서 쓸 수 있는 키: %s",
	},
	AnsWrongType: {
		en: "%s (line %d): expected %s, got %q",
		ko: "%s (%d번째 줄): %s 값이 필요한데 %q이(가) 있습니다",
	},
	AnsTypeMapping: {
		en: "a mapping (key: value lines)",
		ko: "매핑(키: 값 형태의 줄)",
	},
	AnsTypeList: {
		en: "a list (- item lines, or [a, b])",
		ko: "목록(- 항목 형태의 줄 또는 [a, b])",
	},
	AnsTypeString: {
		en: "a text value",
		ko: "문자열",
	},
	AnsTypeNumber: {
		en: "a whole number",
		ko: "정수",
	},
	AnsTypeBool: {
		en: "true or false",
		ko: "true 또는 false",
	},
	AnsTypeNoAnchor: {
		en: "a plain value (YAML anchors and aliases are not used in answers files)",
		ko: "일반 값(답변 파일에는 YAML 앵커와 별칭을 쓸 수 없습니다)",
	},
	AnsStreamLen: {
		en: "%s: log stream name %q is longer than 512 characters",
		ko: "%s: 로그 스트림 이름 %q이(가) 512자를 넘습니다",
	},
	AnsStreamChars: {
		en: "%s: log stream name %q contains ':' or '*', which CloudWatch does not allow",
		ko: "%s: 로그 스트림 이름 %q에 CloudWatch가 허용하지 않는 ':' 또는 '*'가 있습니다",
	},
	AnsStreamPlaceholder: {
		en: "%s: log stream name %q uses the unknown placeholder %s; the agent knows %s",
		ko: "%s: 로그 스트림 이름 %q의 자리 표시자 %s을(를) 에이전트가 모릅니다. 쓸 수 있는 것: %s",
	},
	AnsProcstatLen: {
		en: "%s: %q must be a regular expression of 1 to 255 characters",
		ko: "%s: %q은(는) 1~255자의 정규 표현식이어야 합니다",
	},
	AnsBadRole: {
		en: "%s: unknown role %q; choose one of: %s",
		ko: "%s: 알 수 없는 서버 유형 프리셋 %q입니다. 다음 중 하나를 고르세요: %s",
	},
	AnsBadRegion: {
		en: "%s: %q is not an AWS region name (e.g. ap-northeast-2); leave it empty to use the instance's region",
		ko: "%s: %q은(는) AWS 리전 이름이 아닙니다 (예: ap-northeast-2). 비워 두면 인스턴스의 리전을 사용합니다",
	},
	AnsBadRunAs: {
		en: "%s: %q is not a user name; use root or cwagent",
		ko: "%s: %q은(는) 사용자 이름이 아닙니다. root 또는 cwagent를 쓰세요",
	},
	AnsBadGroupName: {
		en: "%s: log group name %q may only contain letters, digits and . - _ / #",
		ko: "%s: 로그 그룹 이름 %q에는 영문자, 숫자와 . - _ / # 만 쓸 수 있습니다",
	},
	AnsGroupLen: {
		en: "%s: log group name %q is %d characters; CloudWatch allows 1 to 512",
		ko: "%s: 로그 그룹 이름 %q의 길이가 %d자입니다. CloudWatch는 1~512자만 허용합니다",
	},
	AnsGroupAWS: {
		en: "%s: log group name %q starts with aws/, which AWS reserves for its own services",
		ko: "%s: 로그 그룹 이름 %q이(가) aws/로 시작합니다. 이 접두사는 AWS 서비스 전용입니다",
	},
	AnsBadClass: {
		en: "%s: log group class %q; use STANDARD or INFREQUENT_ACCESS",
		ko: "%s: 로그 그룹 클래스 %q은(는) 쓸 수 없습니다. STANDARD 또는 INFREQUENT_ACCESS를 쓰세요",
	},
	AnsNothing: {
		en: "nothing to collect: add at least one entry under logs, or turn metrics on",
		ko: "수집할 것이 없습니다. logs에 항목을 하나 이상 추가하거나 지표를 켜세요",
	},
	AnsNoSource: {
		en: "%s: give either path (a log file) or journal (journal entries)",
		ko: "%s: path(로그 파일) 또는 journal(저널 항목) 중 하나를 지정하세요",
	},
	AnsTwoSources: {
		en: "%s: has both path and journal; one entry reads either a file or the journal",
		ko: "%s: path와 journal이 모두 있습니다. 한 항목은 파일이나 저널 중 하나만 읽습니다",
	},
	AnsBadPath: {
		en: "%s: %q must be an absolute path (starting with /)",
		ko: "%s: %q은(는) /로 시작하는 절대 경로여야 합니다",
	},
	AnsDupPath: {
		en: "%s: %q is already collected by logs[%d]; list each file once",
		ko: "%s: %q은(는) 이미 logs[%d]에서 수집합니다. 파일마다 한 번만 적으세요",
	},
	AnsDupJournal: {
		en: "%s: the same journal selection as logs[%d]; the agent refuses identical entries, remove one",
		ko: "%s: logs[%d]와 같은 저널 항목입니다. 에이전트는 똑같은 항목을 거부하므로 하나를 지우세요",
	},
	AnsJournalFileKey: {
		en: "%s: timestamp_format, timezone and multi_line_start apply to files only; remove them from this journal entry",
		ko: "%s: timestamp_format, timezone, multi_line_start는 파일에만 쓸 수 있습니다. 이 저널 항목에서 빼세요",
	},
	AnsBadPriority: {
		en: "%s: priority %q; use one of %s (or 0 to 7)",
		ko: "%s: 우선순위 %q은(는) 쓸 수 없습니다. %s 중 하나(또는 0~7)를 쓰세요",
	},
	AnsBadUnit: {
		en: "%s: systemd unit %q is empty, too long or listed twice",
		ko: "%s: systemd 유닛 %q이(가) 비었거나 너무 길거나 중복되었습니다",
	},
	AnsBadMatch: {
		en: "%s: an empty or repeated match; write FIELD: value once, e.g. SYSLOG_IDENTIFIER: sudo",
		ko: "%s: 비었거나 중복된 조건입니다. 필드: 값 형태로 한 번만 쓰세요 (예: SYSLOG_IDENTIFIER: sudo)",
	},
	AnsRequired: {
		en: "%s is required",
		ko: "%s 값이 필요합니다",
	},
	AnsBadTimestamp: {
		en: "%s: %q is not a timestamp format the agent understands (%s); directives: %s",
		ko: "%s: %q은(는) 에이전트가 이해하는 타임스탬프 형식이 아닙니다 (%s). 쓸 수 있는 지시자: %s",
	},
	AnsTimestampDirective: {
		en: "%s: %q uses %s, which the agent does not know (it would look for it literally and never match); directives: %s",
		ko: "%s: %q에 쓰인 %s은(는) 에이전트가 모르는 지시자입니다 (글자 그대로 찾게 되어 절대 일치하지 않습니다). 쓸 수 있는 지시자: %s",
	},
	AnsTimestampFraction: {
		en: "%s: in %q, %%f must come right after '.' or ',' following the seconds (e.g. %%H:%%M:%%S.%%f)",
		ko: "%s: %q에서 %%f는 초 뒤의 '.' 또는 ',' 바로 다음에 와야 합니다 (예: %%H:%%M:%%S.%%f)",
	},
	AnsTimestampNoDirective: {
		en: "%s: %q has no %% directive, so it matches no time; directives: %s",
		ko: "%s: %q에는 %% 지시자가 없어 어떤 시각과도 맞지 않습니다. 쓸 수 있는 지시자: %s",
	},
	AnsBadTimezone: {
		en: "%s: timezone %q; use Local or UTC",
		ko: "%s: 시간대 %q은(는) 쓸 수 없습니다. Local 또는 UTC를 쓰세요",
	},
	AnsBadRegex: {
		en: "%s: %q is not a valid regular expression: %s",
		ko: "%s: %q은(는) 올바른 정규 표현식이 아닙니다: %s",
	},
	AnsMultiNeedsTS: {
		en: "%s: {timestamp_format} needs a timestamp_format on the same log",
		ko: "%s: {timestamp_format}을 쓰려면 같은 로그에 timestamp_format이 있어야 합니다",
	},
	AnsBadRetention: {
		en: "%s: %d days is not a retention CloudWatch accepts; use one of %s (-1 = never expire, 0 = leave unset)",
		ko: "%s: %d일은 CloudWatch가 허용하는 보존 기간이 아닙니다. 다음 중 하나를 쓰세요: %s (-1 = 만료 없음, 0 = 설정하지 않음)",
	},
	AnsRetentionConflict: {
		en: "%s: log group %s already has a retention of %d days from another log, not %d; one log group has one retention",
		ko: "%s: 로그 그룹 %s에는 다른 로그에서 이미 보존 기간 %d일이 지정되어 %d일로 정할 수 없습니다. 로그 그룹 하나에는 보존 기간이 하나뿐입니다",
	},
	AnsClassConflict: {
		en: "%s: log group %s already has class %s from another log, not %s; one log group has one class",
		ko: "%s: 로그 그룹 %s에는 다른 로그에서 이미 클래스 %s이(가) 지정되어 %s(으)로 정할 수 없습니다. 로그 그룹 하나에는 클래스가 하나뿐입니다",
	},
	AnsBadMetric: {
		en: "%s: unknown or repeated metric set %q; choose from %s",
		ko: "%s: 알 수 없거나 중복된 지표 묶음 %q입니다. 다음 중에서 고르세요: %s",
	},
	AnsBadInterval: {
		en: "%s: %d seconds; use 1 to 172800 (60 is usual)",
		ko: "%s: %d초는 쓸 수 없습니다. 1~172800 사이로 정하세요 (보통 60)",
	},
	AnsBadAlarmThreshold: {
		en: "%s: %d is not a number of events; use 1 or more, or 0 for the defaults (10 failed SSH logins, 3 failed sudo)",
		ko: "%s: %d은(는) 이벤트 수로 쓸 수 없습니다. 1 이상을 쓰거나, 기본값(SSH 로그인 실패 10회, sudo 실패 3회)을 쓰려면 0으로 두세요",
	},
	AnsBadAlarmPeriod: {
		en: "%s: CloudWatch does not accept an alarm period of %d seconds; use 10, 30, or a multiple of 60 up to 86400 (300 is 5 minutes)",
		ko: "%s: CloudWatch는 %d초를 경보 기간으로 받지 않습니다. 10, 30 또는 86400 이하의 60의 배수를 쓰세요 (300이면 5분)",
	},
	AnsAlarmsByIAMSetup: {
		en: "The answers turn the security alarms on; they are not part of the agent's config and need admin credentials: create them with 'cwsetup iam setup --answers %s' (an admin shell or CloudShell)",
		ko: "답변 파일에서 보안 경보가 켜져 있습니다. 경보는 에이전트 구성에 들어가지 않고 관리자 자격 증명이 필요하므로 'cwsetup iam setup --answers %s'로 만드세요 (관리자 셸 또는 CloudShell)",
	},
	AnsBadAlarmSNS: {
		en: "%s: %q is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME); leave it out for alarms without notification",
		ko: "%s: %q은(는) SNS 주제 ARN(arn:aws:sns:리전:계정:이름)이 아닙니다. 알림 없이 경보만 두려면 이 키를 빼세요",
	},

	ProbSchema: {
		en: "Under path : %s | Error : %s",
		ko: "경로 %s | 오류: %s",
	},
	ChkNotJSON: {
		en: "%s: the config is not a JSON object: %s",
		ko: "%s: 구성이 JSON 객체가 아닙니다: %s",
	},
	ChkBadValue: {
		en: "%s: unusable value: %s",
		ko: "%s: 쓸 수 없는 값입니다: %s",
	},
	ChkMissingKey: {
		en: "%s: the required key %q is missing",
		ko: "%s: 꼭 필요한 키 %q이(가) 없습니다",
	},
	ChkUnknownKey: {
		en: "%s: key %q is not one the agent knows; it would reject the config",
		ko: "%s: 키 %q은(는) 에이전트가 모르는 키라서 구성 전체가 거부됩니다",
	},
	ChkNotString: {
		en: "%s: must be a text value",
		ko: "%s: 문자열이어야 합니다",
	},
	ChkEnum: {
		en: "%s: %s is not allowed; use one of %s",
		ko: "%s: %s은(는) 쓸 수 없습니다. 다음 중 하나를 쓰세요: %s",
	},
	ChkEmptyList: {
		en: "%s: an empty collect_list; the agent needs at least one entry",
		ko: "%s: collect_list가 비어 있습니다. 에이전트는 항목이 하나 이상 있어야 합니다",
	},
	ChkNothing: {
		en: "%s: nothing to collect, neither logs nor metrics",
		ko: "%s: 수집할 로그도 지표도 없습니다",
	},
	ChkLength: {
		en: "%s: must be 1 to 512 characters, not %d",
		ko: "%s: 1~512자여야 하는데 %d자입니다",
	},
	TrRetention: {
		en: "Different retention_in_days values can't be set for the same log group: %s",
		ko: "같은 로그 그룹에 서로 다른 retention_in_days(보존 기간)를 지정할 수 없습니다: %s",
	},
	TrClass: {
		en: "Different log_group_class values can't be set for the same log group: %s",
		ko: "같은 로그 그룹에 서로 다른 log_group_class(로그 그룹 클래스)를 지정할 수 없습니다: %s",
	},
	TrEncoding: {
		en: "encoding %q is not an encoding the agent knows (e.g. utf-8, euc-kr, gbk)",
		ko: "encoding %q은(는) 에이전트가 모르는 인코딩입니다 (예: utf-8, euc-kr, gbk)",
	},
	TrTimestamp: {
		en: "Timestamp format %q is invalid: %s",
		ko: "타임스탬프 형식 %q이(가) 올바르지 않습니다: %s",
	},
	TrRegex: {
		en: "multi_line_start_pattern %q is not a valid regular expression: %s",
		ko: "multi_line_start_pattern %q은(는) 올바른 정규 표현식이 아닙니다: %s",
	},
	TrGroupCharset: {
		en: "log group name %q may only contain letters, digits and . - _ / # (CloudWatch Logs rejects it otherwise)",
		ko: "로그 그룹 이름 %q에는 영문자, 숫자와 . - _ / # 만 쓸 수 있습니다 (그 밖의 문자는 CloudWatch Logs가 거부합니다)",
	},
	TrPlaceholder: {
		en: "unknown placeholder %s in a log stream name; the agent knows %s",
		ko: "로그 스트림 이름의 자리 표시자 %s을(를) 에이전트가 모릅니다. 쓸 수 있는 것: %s",
	},
	ProbTimestampBad: {
		en: "%s: timestamp_format %q did not parse %d of %d recent lines, e.g. %q; pick the format that matches this line",
		ko: "%s: timestamp_format %q이(가) 최근 %[4]d줄 중 %[3]d줄을 해석하지 못했습니다 (예: %[5]q). 이 줄에 맞는 형식을 고르세요",
	},

	ProbAt: {
		en: "%s: %v",
		ko: "%s: %v",
	},
	ProbCollectd: {
		en: "/metrics/metrics_collected/collectd: the existing config collects from collectd, but %s is missing, so the agent would not start; install collectd or remove the collectd section",
		ko: "/metrics/metrics_collected/collectd: 기존 구성이 collectd에서 지표를 수집하는데 %s이(가) 없어 에이전트가 시작되지 않습니다. collectd를 설치하거나 collectd 섹션을 지우세요",
	},
	SumHeader: {
		en: "What goes where (log stream %s):",
		ko: "무엇을 어디로 보내는지 (로그 스트림 %s):",
	},
	SumRole: {
		en: "Role preset: %s",
		ko: "서버 유형 프리셋: %s",
	},
	SumFile: {
		en: "  %s → %s (%s, %s)",
		ko: "  %s → %s (%s, %s)",
	},
	SumJournal: {
		en: "  journal %s → %s (%s)",
		ko: "  저널 %s → %s (%s)",
	},
	SumRetention: {
		en: "retention %d days",
		ko: "보존 기간 %d일",
	},
	SumRetentionOff: {
		en: "retention not set",
		ko: "보존 기간 설정 안 함",
	},
	SumRetentionInf: {
		en: "never expires",
		ko: "만료 없음",
	},
	SumTSChecked: {
		en: "timestamp %s ✓ %d/%d lines",
		ko: "타임스탬프 %s ✓ %d/%d줄",
	},
	SumTSUnchecked: {
		en: "timestamp %s (not checked yet)",
		ko: "타임스탬프 %s (아직 확인 안 됨)",
	},
	SumTSNone: {
		en: "no timestamp_format: events get the time they are read",
		ko: "timestamp_format 없음: 이벤트 시각은 읽은 시각이 됩니다",
	},
	SumTSMismatch: {
		en: "no timestamp_format: the usual %s did not parse its line %q, so events get the time they are read; give the right format in an answers file",
		ko: "timestamp_format 없음: 일반적인 형식 %s이(가) 이 파일의 줄 %q을(를) 해석하지 못해 이벤트 시각은 읽은 시각이 됩니다. 답변 파일에 맞는 형식을 지정하세요",
	},
	SumNotShipped: {
		en: "  Not shipped as files:",
		ko: "  파일로 보내지 않는 로그:",
	},
	SumMetrics: {
		en: "Metrics (namespace CWAgent, every %d s): %s",
		ko: "지표 (네임스페이스 CWAgent, %d초마다): %s",
	},
	SumMetricsOff: {
		en: "Metrics: off",
		ko: "지표: 끔",
	},
	SumRunAs: {
		en: "Agent runs as: %s",
		ko: "에이전트 실행 사용자: %s",
	},
	SumRegionHost: {
		en: "Region: the instance's own",
		ko: "리전: 인스턴스의 리전",
	},
	SumRegion: {
		en: "Region: %s",
		ko: "리전: %s",
	},
	SumProblems: {
		en: "Problems:",
		ko: "문제:",
	},
	SumJournalOld: {
		en: "System logs: this host keeps them only in the journal, and the installed agent (%s) is older than %s,\n" +
			"which first reads the journal: they are NOT shipped. Update the agent (cwsetup apply installs the\n" +
			"current one) or install rsyslog (dnf/apt install rsyslog) and run cwsetup config again.",
		ko: "시스템 로그: 이 호스트는 시스템 로그를 저널에만 남기는데, 설치된 에이전트(%s)가 저널을 읽을 수 있는\n" +
			"%s보다 오래되어 전송되지 않습니다. 에이전트를 업데이트하거나(cwsetup apply가 최신 버전을 설치합니다)\n" +
			"rsyslog를 설치한(dnf/apt install rsyslog) 뒤 cwsetup config를 다시 실행하세요.",
	},
	SumValid: {
		en: "Config checked: schema rules, translator rules and timestamp formats are fine.",
		ko: "구성 검사 완료: 스키마 규칙, 변환기 규칙, 타임스탬프 형식 모두 문제없습니다.",
	},
})
