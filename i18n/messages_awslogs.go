package i18n

// Migration from the old CloudWatch Logs agent (awslogs): why a setting of
// a section could not be carried over. Args: section, key, value.
const (
	AwslogsNoteDirective   Key = "awslogs.note.directive"
	AwslogsNoteMismatch    Key = "awslogs.note.mismatch"
	AwslogsNotePlaceholder Key = "awslogs.note.placeholder"
	AwslogsNotePattern     Key = "awslogs.note.pattern"
	AwslogsNoteEncoding    Key = "awslogs.note.encoding"
	AwslogsNoteAgentWide   Key = "awslogs.note.agent_wide"
	AwslogsNoteFingerprint Key = "awslogs.note.fingerprint"
	AwslogsNoteTimezone    Key = "awslogs.note.timezone"
	AwslogsNoteMissingKey  Key = "awslogs.note.missing_key"
	AwslogsNoteBadGroup    Key = "awslogs.note.bad_group"
	AwslogsNoteBadPath     Key = "awslogs.note.bad_path"
	AwslogsNoteDuplicate   Key = "awslogs.note.duplicate"
	AwslogsNoteUnknownKey  Key = "awslogs.note.unknown_key"
	AwslogsFromConfig      Key = "awslogs.from_config"
	AwslogsSumLog          Key = "awslogs.sum.log"
	AwslogsSumNotes        Key = "awslogs.sum.notes"
	AwslogsSumStopSystemd  Key = "awslogs.sum.stop_systemd"
	AwslogsSumStopSysV     Key = "awslogs.sum.stop_sysv"
	AwslogsSumUnread       Key = "awslogs.sum.unread"
)

var _ = add(map[Key]text{
	AwslogsNoteDirective: {
		en: "[%s] %s = %s: the new agent has no equivalent for a directive in it; events get the time they are read",
		ko: "[%s] %s = %s: 새 에이전트에 없는 지시자가 있어 이벤트 시간은 읽은 시각이 됩니다",
	},
	AwslogsNoteMismatch: {
		en: "[%s] %s = %s: the converted format does not parse the file's last lines, so it is not used",
		ko: "[%s] %s = %s: 변환한 형식이 파일의 마지막 줄을 해석하지 못해 사용하지 않습니다",
	},
	AwslogsNotePlaceholder: {
		en: "[%s] %s = %s: the new agent does not know a placeholder in it; the stream is {instance_id}",
		ko: "[%s] %s = %s: 새 에이전트가 모르는 자리표시자가 있어 스트림은 {instance_id}입니다",
	},
	AwslogsNotePattern: {
		en: "[%s] %s = %s: a Python expression Go's regular expressions cannot compile; each line is its own event",
		ko: "[%s] %s = %s: Go 정규식으로 컴파일할 수 없는 Python 표현식이라 줄마다 별도 이벤트가 됩니다",
	},
	AwslogsNoteEncoding: {
		en: "[%s] %s = %s: cwsetup ships UTF-8 only; convert the file or add the agent's encoding by hand",
		ko: "[%s] %s = %s: cwsetup은 UTF-8만 보냅니다. 파일을 변환하거나 에이전트의 encoding을 직접 추가하세요",
	},
	AwslogsNoteAgentWide: {
		en: "[%s] %s = %s: the new agent batches every log alike (logs.force_flush_interval); not carried over",
		ko: "[%s] %s = %s: 새 에이전트는 모든 로그를 같은 방식으로 묶어 보내므로(logs.force_flush_interval) 옮기지 않습니다",
	},
	AwslogsNoteFingerprint: {
		en: "[%s] %s = %s: the new agent recognises files its own way; not carried over",
		ko: "[%s] %s = %s: 새 에이전트는 파일을 자체 방식으로 식별하므로 옮기지 않습니다",
	},
	AwslogsNoteTimezone: {
		en: "[%s] %s = %s: only LOCAL and UTC exist; the timezone is Local",
		ko: "[%s] %s = %s: LOCAL과 UTC만 있으므로 시간대는 Local입니다",
	},
	AwslogsNoteMissingKey: {
		en: "[%s] %s = %s: a section without file and log_group_name; skipped, as the old agent does",
		ko: "[%s] %s = %s: file과 log_group_name이 없는 섹션이라 이전 에이전트처럼 건너뜁니다",
	},
	AwslogsNoteBadGroup: {
		en: "[%s] %s = %s: CloudWatch Logs does not accept this log group name; skipped",
		ko: "[%s] %s = %s: CloudWatch Logs가 받지 않는 로그 그룹 이름이라 건너뜁니다",
	},
	AwslogsNoteBadPath: {
		en: "[%s] %s = %s: cwsetup never ships this file (a secret or a pseudo-file); skipped",
		ko: "[%s] %s = %s: cwsetup이 보내지 않는 파일(비밀 정보 또는 가상 파일)이라 건너뜁니다",
	},
	AwslogsNoteDuplicate: {
		en: "[%s] %s = %s: an earlier section already ships this file; skipped",
		ko: "[%s] %s = %s: 앞 섹션에서 이미 보내는 파일이라 건너뜁니다",
	},
	AwslogsNoteUnknownKey: {
		en: "[%s] %s = %s: the old agent ignores this key too",
		ko: "[%s] %s = %s: 이전 에이전트도 무시하는 키입니다",
	},
	AwslogsFromConfig: {
		en: "These %d logs come from your awslogs config (%s):",
		ko: "이 로그 %d개는 awslogs 설정(%s)에서 가져왔습니다:",
	},
	// Args: path, section, file:line, stream name.
	AwslogsSumLog: {
		en: "  %s: section [%s] (%s), log stream %s",
		ko: "  %s: [%s] 섹션 (%s), 로그 스트림 %s",
	},
	AwslogsSumNotes: {
		en: "Not carried over from awslogs as it was:",
		ko: "awslogs 설정에서 그대로 옮기지 못한 항목:",
	},
	// Args: service name (twice).
	AwslogsSumStopSystemd: {
		en: "The old agent (%s) still ships these files: once cwsetup verify shows the new agent delivering, stop it (systemctl disable --now %s), or every line is shipped twice.",
		ko: "이전 에이전트(%s)가 아직 이 파일들을 보내고 있습니다. cwsetup verify로 새 에이전트의 전송을 확인한 뒤 중지하세요(systemctl disable --now %s). 그러지 않으면 모든 줄이 두 번 전송됩니다.",
	},
	// Args: service name (three times).
	AwslogsSumStopSysV: {
		en: "The old agent (%s) still ships these files: once cwsetup verify shows the new agent delivering, stop it (service %s stop; chkconfig %s off), or every line is shipped twice.",
		ko: "이전 에이전트(%s)가 아직 이 파일들을 보내고 있습니다. cwsetup verify로 새 에이전트의 전송을 확인한 뒤 중지하세요(service %s stop; chkconfig %s off). 그러지 않으면 모든 줄이 두 번 전송됩니다.",
	},
	// Args: the reason.
	AwslogsSumUnread: {
		en: "An awslogs config exists but could not be read (%s): its logs are not carried over.",
		ko: "awslogs 설정이 있지만 읽을 수 없어(%s) 그 로그는 옮기지 않았습니다.",
	},
})

// What shipping the planned logs costs (config summary, wizard review).
const (
	CostHeaderCatalog  Key = "cost.header_catalog"
	CostHeaderNoPrice  Key = "cost.header_no_price"
	CostHeaderNoRegion Key = "cost.header_no_region"
	CostLog            Key = "cost.log"
	CostLogBytes       Key = "cost.log_bytes"
	CostLogNone        Key = "cost.log_none"
	CostByDates        Key = "cost.by_dates"
	CostByTimes        Key = "cost.by_times"
	CostByTimestamps   Key = "cost.by_timestamps"
	CostTotal          Key = "cost.total"
	CostTotalBytes     Key = "cost.total_bytes"
	CostNoneMeasured   Key = "cost.none_measured"
	CostInfrequent     Key = "cost.infrequent"
	CostRetention      Key = "cost.retention"
	CostStorageGrowing Key = "cost.storage_growing"
)

var _ = add(map[Key]text{
	// Args: region, catalog date.
	CostHeaderCatalog: {
		en: "What shipping will cost (estimate; %s list prices from cwsetup's catalog of %s):",
		ko: "전송 예상 요금 (추정치, cwsetup 카탈로그(%[2]s 기준)의 %[1]s 정가):",
	},
	// Args: region.
	CostHeaderNoPrice: {
		en: "What shipping will add (estimate; no price for %s without the AWS Price List API: cwsetup's catalog has us-east-1 only, and another region's price is never shown as yours):",
		ko: "전송량 예상 (추정치, AWS Price List API 없이는 %s 요금을 알 수 없습니다. cwsetup 카탈로그에는 us-east-1만 있으며 다른 리전의 요금을 대신 보여 주지 않습니다):",
	},
	CostHeaderNoRegion: {
		en: "What shipping will add (estimate; no region set, so no price):",
		ko: "전송량 예상 (추정치, 리전이 정해지지 않아 요금은 없습니다):",
	},
	// Args: path, bytes per day, how, bytes per month, ingestion and storage (money).
	CostLog: {
		en: "  %s: %s a day (%s) → %s a month: ingestion %s, storage %s a month",
		ko: "  %s: 하루 %s (%s) → 한 달 %s: 수집 %s, 저장 월 %s",
	},
	// Args: path, bytes per day, how, bytes per month.
	CostLogBytes: {
		en: "  %s: %s a day (%s) → %s a month",
		ko: "  %s: 하루 %s (%s) → 한 달 %s",
	},
	// Args: path.
	CostLogNone: {
		en: "  %s: not measured (no rotated files, and no timestamps spanning an hour or more)",
		ko: "  %s: 측정 못 함 (순환된 파일이 없고, 한 시간 이상에 걸친 타임스탬프도 없음)",
	},
	// Args: files, days.
	CostByDates: {
		en: "rotated files: %d over %s days, by the dates in their names",
		ko: "순환된 파일 %d개, 파일 이름의 날짜로 %s일",
	},
	CostByTimes: {
		en: "rotated files: %d over %s days, by their modification times",
		ko: "순환된 파일 %d개, 수정 시각으로 %s일",
	},
	// Args: days.
	CostByTimestamps: {
		en: "the file's own timestamps over %s days",
		ko: "파일 자체의 타임스탬프로 %s일",
	},
	// Args: measured logs, bytes per month, ingestion USD, storage USD, the largest log.
	CostTotal: {
		en: "  Total of %d measured logs: %s a month, ingestion %s and storage %s a month; the largest is %s",
		ko: "  측정한 로그 %d개 합계: 한 달 %s, 수집 %s, 저장 월 %s. 가장 큰 로그는 %s입니다",
	},
	// Args: measured logs, bytes per month, the largest log.
	CostTotalBytes: {
		en: "  Total of %d measured logs: %s a month; the largest is %s",
		ko: "  측정한 로그 %d개 합계: 한 달 %s. 가장 큰 로그는 %s입니다",
	},
	// Args: number of file logs.
	CostNoneMeasured: {
		en: "  None of the %d file logs can be measured yet (no rotated files, and no timestamps spanning an hour or more): run config again after the logs have rotated once.",
		ko: "  파일 로그 %d개 중 아직 측정할 수 있는 것이 없습니다(순환된 파일이 없고, 한 시간 이상에 걸친 타임스탬프도 없음). 로그가 한 번 순환된 뒤 config를 다시 실행하세요.",
	},
	// Args: path, USD saved a month.
	CostInfrequent: {
		en: "  Infrequent Access for %s would save %s a month on ingestion (no alarm needs its metric filters; it loses live tail and metric filters)",
		ko: "  %s에 Infrequent Access를 쓰면 수집 요금이 월 %s 줄어듭니다(이 로그의 지표 필터를 쓰는 경보가 없음. 라이브 테일과 지표 필터는 쓸 수 없게 됨)",
	},
	// Args: USD at 30, 90, 365 days.
	CostRetention: {
		en: "  Storage of all measured logs by retention: 30 days %s, 90 days %s, 365 days %s a month (at most: the bytes as written)",
		ko: "  보존 기간별 측정 로그 전체의 저장 요금: 30일 월 %s, 90일 월 %s, 365일 월 %s (쓰인 바이트 기준 상한)",
	},
	CostStorageGrowing: {
		en: "  Logs with no retention set are stored forever: their storage shown is after a year, and keeps growing.",
		ko: "  보존 기간을 정하지 않은 로그는 영구 보관됩니다. 표시한 저장 요금은 1년 뒤 기준이며 계속 늘어납니다.",
	},
})

// Answers keys of file logs: per-log streams (from awslogs) and filters.
const (
	AnsFileOnly   Key = "answers.file_only"
	AnsFilterType Key = "answers.filter_type"
)

var _ = add(map[Key]text{
	// Args: key.
	AnsFileOnly: {
		en: "%s applies to file logs only; remove it from this journal entry",
		ko: "%s 설정은 파일 로그에만 쓸 수 있습니다. 이 저널 항목에서 빼세요",
	},
	// Args: key, value.
	AnsFilterType: {
		en: "%s: %q is not a filter type; use include or exclude",
		ko: "%s: %q은(는) 필터 유형이 아닙니다. include 또는 exclude를 쓰세요",
	},
})

// Filters proposed for known noise in access logs.
const (
	CostFilter       Key = "cost.filter"
	CostFilterSaves  Key = "cost.filter_saves"
	CostFilterUse    Key = "cost.filter_use"
	CostNoiseHealth  Key = "cost.noise_health"
	CostNoiseStatic  Key = "cost.noise_static"
	CostFilterHeader Key = "cost.filter_header"
)

var _ = add(map[Key]text{
	CostFilterHeader: {
		en: "Known noise, tried on the logs' recent lines (nothing is filtered unless you add the filter):",
		ko: "알려진 불필요한 줄을 최근 로그 줄로 시험한 결과 (필터를 직접 추가하기 전에는 아무것도 거르지 않습니다):",
	},
	// Args: path, kind, dropped lines, lines, dropped bytes, bytes, saving ("" or CostFilterSaves).
	CostFilter: {
		en: "  %s, %s: an exclude filter drops %d of %d recent lines (%s of %s)%s",
		ko: "  %s, %s: 제외 필터가 최근 %[4]d줄 중 %[3]d줄(%[6]s 중 %[5]s)을 거릅니다%[7]s",
	},
	// Args: money.
	CostFilterSaves: {
		en: ", saving about %s a month",
		ko: ". 월 약 %s 절약",
	},
	// Args: the YAML to add.
	CostFilterUse: {
		en: "    to use it, add to this log in an answers file: %s",
		ko: "    쓰려면 응답 파일의 이 로그에 추가하세요: %s",
	},
	CostNoiseHealth: {
		en: "load-balancer health checks",
		ko: "로드 밸런서 상태 확인",
	},
	CostNoiseStatic: {
		en: "static files (CSS, JS, images, fonts)",
		ko: "정적 파일(CSS, JS, 이미지, 글꼴)",
	},
})
