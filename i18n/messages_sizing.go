package i18n

// Sizing: `cwsetup sizing`, the report's labels and the reasons behind
// each recommendation.
const (
	SizingShort             Key = "sizing.short"
	SizingLong              Key = "sizing.long"
	SizingFlagSample        Key = "sizing.flag.sample"
	SizingFlagServerPrice   Key = "sizing.flag.server_price"
	SizingFlagServerMonthly Key = "sizing.flag.server_monthly"
	SizingErrBadMoney       Key = "sizing.err.bad_money"
	SizingErrBadSample      Key = "sizing.err.bad_sample"
	SizingErrMeasure        Key = "sizing.err.measure"
	SizingErrCatalog        Key = "sizing.err.catalog"
	SizingProgress          Key = "sizing.progress"

	SizingHdrMemory         Key = "sizing.hdr.memory"
	SizingHdrCPU            Key = "sizing.hdr.cpu"
	SizingHdrCPUNone        Key = "sizing.hdr.cpu_none"
	SizingHdrCPUUnknown     Key = "sizing.hdr.cpu_unknown"
	SizingHdrInstancesFixed Key = "sizing.hdr.instances_fixed"
	SizingHdrServices       Key = "sizing.hdr.services"
	SizingColService        Key = "sizing.col.service"
	SizingColProcs          Key = "sizing.col.processes"
	SizingColPSS            Key = "sizing.col.pss"
	SizingColChild          Key = "sizing.col.child"
	SizingColExact          Key = "sizing.col.exact"
	SizingYes               Key = "sizing.yes"
	SizingNo                Key = "sizing.no"
	SizingHdrBudget         Key = "sizing.hdr.budget"
	SizingBudgetOS          Key = "sizing.budget.os_reserve"
	SizingBudgetCache       Key = "sizing.budget.cache_headroom"
	SizingBudgetUnassigned  Key = "sizing.budget.unassigned"
	SizingBudgetTotal       Key = "sizing.budget.total"
	SizingHdrRecs           Key = "sizing.hdr.recommendations"
	SizingNoRecs            Key = "sizing.no_recommendations"
	SizingRecSummary        Key = "sizing.rec_summary"
	SizingSevOK             Key = "sizing.sev.ok"
	SizingSevWarn           Key = "sizing.sev.warn"
	SizingSevTune           Key = "sizing.sev.tune"
	SizingSevDanger         Key = "sizing.sev.danger"
	SizingRecLine           Key = "sizing.rec.line"
	SizingDefaultMark       Key = "sizing.rec.default"
	SizingUnknown           Key = "sizing.rec.unknown"
	SizingHdrInstances      Key = "sizing.hdr.instances"
	SizingColType           Key = "sizing.col.type"
	SizingColVCPU           Key = "sizing.col.vcpu"
	SizingColMemory         Key = "sizing.col.memory"
	SizingColBaseline       Key = "sizing.col.baseline"
	SizingColHourly         Key = "sizing.col.hourly"
	SizingColOD3            Key = "sizing.col.od3"
	SizingColRI1            Key = "sizing.col.ri1"
	SizingColRI3            Key = "sizing.col.ri3"
	SizingInstLegend        Key = "sizing.inst_legend"
	SizingNoInstances       Key = "sizing.no_instances"
	SizingServerLine        Key = "sizing.server_line"
	SizingCatalogLine       Key = "sizing.catalog_line"
	SizingSourceHand        Key = "sizing.source.hand"
	SizingSourcePriceList   Key = "sizing.source.price_list"
	SizingEstimateMark      Key = "sizing.estimate_mark"
	SizingHdrNotes          Key = "sizing.hdr.notes"

	SizingTailOK            Key = "sizing.tail.ok"
	SizingTailRaise         Key = "sizing.tail.raise"
	SizingTailWarn          Key = "sizing.tail.warn"
	SizingTailDanger        Key = "sizing.tail.danger"
	SizingTailCgroup        Key = "sizing.tail.cgroup"
	SizingTailNeverRecycled Key = "sizing.tail.never_recycled"

	SizingWhyNginxWorkers        Key = "sizing.why.nginx_workers"
	SizingWhyPreforkMRW          Key = "sizing.why.prefork_mrw"
	SizingWhyThreadedMRW         Key = "sizing.why.threaded_mrw"
	SizingWhyServerLimitPrefork  Key = "sizing.why.serverlimit_prefork"
	SizingWhyServerLimitLow      Key = "sizing.why.serverlimit_low"
	SizingWhyServerLimitThreaded Key = "sizing.why.serverlimit_threaded"
	SizingWhyMCPC                Key = "sizing.why.mcpc"
	SizingWhyFPMMaxChildren      Key = "sizing.why.fpm_max_children"
	SizingWhyFPMPM               Key = "sizing.why.fpm_pm"
	SizingWhyBufferPoolShared    Key = "sizing.why.buffer_pool_shared"
	SizingWhyBufferPoolDedicated Key = "sizing.why.buffer_pool_dedicated"
	SizingWhyMaxConnections      Key = "sizing.why.max_connections"
	SizingWhyMaxConnectionsWeb   Key = "sizing.why.max_connections_web"
	SizingWhyXmx                 Key = "sizing.why.xmx"
	SizingWhyMaxThreads          Key = "sizing.why.max_threads"

	SizingNoteRSSFallback   Key = "sizing.note.rss_fallback"
	SizingNoteConfigProblem Key = "sizing.note.config_problem"
	SizingNoteNoCPU         Key = "sizing.note.no_cpu"
	SizingNoteAssumedChild  Key = "sizing.note.assumed_child"
	SizingNoteChildFloor    Key = "sizing.note.child_floor"
	SizingNoteCredits       Key = "sizing.note.credits"
	SizingNoteEstimates     Key = "sizing.note.estimates"
	SizingNoteArm           Key = "sizing.note.arm"
	SizingNoteX86Move       Key = "sizing.note.x86_move"

	SizingWhyThreadedModPHP      Key = "sizing.why.threaded_mod_php"
	SizingWhyMemoryLimitNone     Key = "sizing.why.memory_limit_none"
	SizingWhyMaxConnectionsLower Key = "sizing.why.max_connections_lower"
	SizingWhyMaxConnectionsMatch Key = "sizing.why.max_connections_match"
	SizingWhyRAMPercent          Key = "sizing.why.ram_percent"
	SizingLimitMachine           Key = "sizing.limit.machine"
	SizingLimitCgroup            Key = "sizing.limit.cgroup"

	SizingDetailProxied             Key = "sizing.detail.proxied"
	SizingDetailProxiedNoDB         Key = "sizing.detail.proxied_nodb"
	SizingDetailModPHP              Key = "sizing.detail.mod_php"
	SizingDetailModPHPNoDB          Key = "sizing.detail.mod_php_nodb"
	SizingDetailStatic              Key = "sizing.detail.static"
	SizingDetailFPMAlone            Key = "sizing.detail.fpm_alone"
	SizingDetailFPMBehindApache     Key = "sizing.detail.fpm_behind_apache"
	SizingDetailFPMBehindApacheNoDB Key = "sizing.detail.fpm_behind_apache_nodb"
	SizingDetailFPMOverMRW          Key = "sizing.detail.fpm_over_mrw"
	SizingDetailMySQLServer         Key = "sizing.detail.mysql_server"
	SizingDetailJVM                 Key = "sizing.detail.jvm"
	SizingCPUFromSample             Key = "sizing.cpu_from.sample"
	SizingCPUFromNone               Key = "sizing.cpu_from.none"
	SizingCPUFromHistory            Key = "sizing.cpu_from.history"

	SizingNoteAssumedThreads     Key = "sizing.note.assumed_threads"
	SizingNoteMySQLWorstCase     Key = "sizing.note.mysql_worst_case"
	SizingNoteKeptRunning        Key = "sizing.note.kept_running"
	SizingNoteTierOrder          Key = "sizing.note.tier_order"
	SizingNoteMySQLDefaults      Key = "sizing.note.mysql_defaults"
	SizingNoteDBRead             Key = "sizing.note.db_read"
	SizingNoteDBUnread           Key = "sizing.note.db_unread"
	SizingNoteMySQLObserved      Key = "sizing.note.mysql_observed"
	SizingMeasuredMany           Key = "sizing.measured.many"
	SizingMeasuredOne            Key = "sizing.measured.one"
	SizingMeasuredNone           Key = "sizing.measured.none"
	SizingThreadsMeasuredMany    Key = "sizing.threads_measured.many"
	SizingThreadsMeasuredOne     Key = "sizing.threads_measured.one"
	SizingUsersRange             Key = "sizing.users.range"
	SizingUsersAbout             Key = "sizing.users.about"
	SizingUsersOne               Key = "sizing.users.one"
	SizingUsersUnderOne          Key = "sizing.users.under_one"
	SizingSwappiness             Key = "sizing.swappiness"
	SizingSwappinessUnknown      Key = "sizing.swappiness_unknown"
	SizingNoteCgroupBound        Key = "sizing.note.cgroup_bound"
	SizingNoteCgroupTight        Key = "sizing.note.cgroup_tight"
	SizingTierFixed              Key = "sizing.tier.fixed"
	SizingTierTomcat             Key = "sizing.tier.tomcat"
	SizingTierMySQLServer        Key = "sizing.tier.mysql_server"
	SizingTierWeb                Key = "sizing.tier.web"
	SizingTierMySQLConns         Key = "sizing.tier.mysql_conns"
	SizingNoteOOM                Key = "sizing.note.oom"
	SizingNoteNoOOM              Key = "sizing.note.no_oom"
	SizingNoteJournalSkipped     Key = "sizing.note.journal_skipped"
	SizingNoteMRWReached         Key = "sizing.note.mrw_reached"
	SizingNoteFPMReached         Key = "sizing.note.fpm_reached"
	SizingNoteSwapUsed           Key = "sizing.note.swap_used"
	SizingNoteNoSwap             Key = "sizing.note.no_swap"
	SizingNoteMemoryLimit        Key = "sizing.note.memory_limit"
	SizingNoteSampleAboveBase    Key = "sizing.note.sample_above_baseline"
	SizingNoteHistoryAboveBase   Key = "sizing.note.history_above_baseline"
	SizingBudgetOver             Key = "sizing.budget.over"
	SizingFlagRegion             Key = "sizing.flag.region"
	SizingFlagOffline            Key = "sizing.flag.offline"
	SizingErrBadRegion           Key = "sizing.err.bad_region"
	SizingNoteNoCredentials      Key = "sizing.note.no_credentials"
	SizingColLargest             Key = "sizing.col.largest"
	SizingWhySmallEngineBuffer   Key = "sizing.why.small_engine_buffer"
	SizingCPUCaveatMark          Key = "sizing.cpu_caveat_mark"
	SizingPriceAPILine           Key = "sizing.price_api_line"
	SizingNoteRegionUnpriced     Key = "sizing.note.region_unpriced"
	SizingNoteCreditsExhausted   Key = "sizing.note.credits_exhausted"
	SizingNoteHistoryUnavailable Key = "sizing.note.history_unavailable"
	SizingNoteTypesUnavailable   Key = "sizing.note.types_unavailable"
	SizingNotePricesUnavailable  Key = "sizing.note.prices_unavailable"
)

var _ = add(map[Key]text{
	SizingShort: {
		en: "Where the memory goes, which limits fit, which instance would fit better",
		ko: "메모리 사용처, 알맞은 서비스 한도, 더 알맞은 인스턴스 유형",
	},
	SizingFlagSample: {
		en: "how long to sample CPU use (0 to skip)",
		ko: "CPU 사용률을 측정할 시간 (0이면 측정 안 함)",
	},
	SizingFlagServerPrice: {
		en: "purchase price of a physical server in USD, to compare 3-year costs",
		ko: "3년 비용 비교용 물리 서버 구입 가격(USD)",
	},
	SizingFlagServerMonthly: {
		en: "monthly running cost of that server in USD (power, rack, support)",
		ko: "그 서버의 월 운영 비용(USD, 전기·랙·유지보수)",
	},
	SizingErrBadMoney: {
		en: "%s must be zero or a positive amount in USD, not %q (example: --server-price 4500)",
		ko: "%s에는 0 이상의 USD 금액을 넣어야 합니다. %q은(는) 쓸 수 없습니다 (예: --server-price 4500)",
	},
	SizingErrBadSample: {
		en: "--sample must be between 0s and 60s, not %s (example: --sample 2s)",
		ko: "--sample은 0초에서 60초 사이여야 합니다. %s은(는) 쓸 수 없습니다 (예: --sample 2s)",
	},
	SizingErrMeasure: {
		en: "cannot measure memory under %s: %v",
		ko: "%s 아래에서 메모리를 측정할 수 없습니다: %v",
	},
	SizingErrCatalog: {
		en: "the built-in price catalog is broken: %v",
		ko: "내장 가격표가 손상되었습니다: %v",
	},
	SizingProgress: {
		en: "Measuring memory and sampling CPU for %s…",
		ko: "메모리를 측정하고 CPU를 %s 동안 샘플링하는 중…",
	},

	SizingHdrMemory: {
		en: "Memory: %d MB total, %d MB available now; %d MB kept aside (kernel/OS %d MB, file cache %d MB)",
		ko: "메모리: 전체 %d MB, 지금 사용 가능 %d MB, 따로 남겨 둘 양 %d MB (커널/OS %d MB, 파일 캐시 %d MB)",
	},
	SizingHdrCPUNone:    {en: "CPU: %d vCPU, use not sampled", ko: "CPU: vCPU %d개, 사용률은 측정하지 않음"},
	SizingHdrCPUUnknown: {en: "CPU: vCPU count unknown (/proc/stat unreadable), use not sampled", ko: "CPU: vCPU 수를 알 수 없음(/proc/stat을 읽지 못함), 사용률은 측정하지 않음"},
	SizingHdrServices:   {en: "Where the memory goes (PSS)", ko: "메모리 사용처 (PSS)"},
	SizingColService:    {en: "service", ko: "서비스"},
	SizingColProcs:      {en: "processes", ko: "프로세스"},
	SizingColPSS:        {en: "PSS MB", ko: "PSS MB"},
	SizingColChild:      {en: "per child MB", ko: "자식당 MB"},
	SizingColExact:      {en: "exact", ko: "정확"},
	SizingYes:           {en: "yes", ko: "예"},
	SizingNo:            {en: "no (RSS)", ko: "아니요(RSS)"},
	SizingHdrBudget:     {en: "Memory budget", ko: "메모리 예산"},
	SizingBudgetOS:      {en: "kernel/OS reserve", ko: "커널/OS 예비분"},
	SizingBudgetCache:   {en: "file-cache headroom", ko: "파일 캐시 여유분"},
	SizingBudgetUnassigned: {
		en: "not assigned",
		ko: "미할당",
	},
	SizingBudgetTotal: {en: "total", ko: "합계"},
	SizingHdrRecs:     {en: "Recommendations", ko: "권장 설정"},
	SizingNoRecs: {
		en: "No Apache, PHP-FPM, MySQL/MariaDB or Tomcat is running, so there are no limits to size.",
		ko: "실행 중인 Apache, PHP-FPM, MySQL/MariaDB, Tomcat이 없어 조정할 한도가 없습니다.",
	},
	SizingRecSummary: {
		en: "  %d danger, %d to check, %d to tune, %d fine",
		ko: "  위험 %d건, 주의 %d건, 조정 %d건, 적정 %d건",
	},
	SizingSevOK:     {en: "ok", ko: "적정"},
	SizingSevWarn:   {en: "warn", ko: "주의"},
	SizingSevTune:   {en: "tune", ko: "조정"},
	SizingSevDanger: {en: "DANGER", ko: "위험"},
	SizingRecLine: {
		en: "%s %s: now %s, recommended %s",
		ko: "%s %s: 현재 %s, 권장 %s",
	},
	SizingDefaultMark: {en: "%s (default)", ko: "%s (기본값)"},
	SizingUnknown:     {en: "unknown", ko: "알 수 없음"},
	SizingColType:     {en: "type", ko: "유형"},
	SizingColVCPU:     {en: "vCPU", ko: "vCPU"},
	SizingColMemory:   {en: "GiB", ko: "GiB"},
	SizingColBaseline: {en: "baseline", ko: "기준 성능"},
	SizingColHourly:   {en: "USD/h", ko: "USD/시간"},
	SizingColOD3:      {en: "on-demand", ko: "온디맨드"},
	SizingColRI1:      {en: "1y RI×3", ko: "1년 약정×3"},
	SizingColRI3:      {en: "3y RI", ko: "3년 약정"},
	SizingInstLegend: {
		en: "Costs are USD for 3 years (26,280 h): on-demand; a 1-year Reserved Instance or Savings Plan bought three times; a 3-year one (both no upfront).",
		ko: "비용은 3년(26,280시간) 기준 USD입니다: 온디맨드, 1년 예약 인스턴스 또는 Savings Plans를 세 번 구매, 3년 약정 (둘 다 선결제 없음).",
	},
	SizingNoInstances: {
		en: "No type in the catalog fits this need.",
		ko: "가격표에 이 요구를 만족하는 유형이 없습니다.",
	},
	SizingServerLine: {
		en: "Physical server over 3 years: USD %.0f purchase + USD %.0f/month = USD %.0f (staff, spare parts and the building are not included)",
		ko: "물리 서버 3년 비용: 구입 USD %.0f + 월 USD %.0f = USD %.0f (인건비, 예비 부품, 시설 비용은 포함되지 않음)",
	},
	SizingCatalogLine: {
		en: "Prices: region %s, as of %s. Source: %s",
		ko: "가격: 리전 %s, %s 기준. 출처: %s",
	},
	SizingSourceHand: {
		en: "published AWS price tables, collected by hand (not a Price List file)",
		ko: "공개된 AWS 요금표를 수작업으로 모은 값 (Price List 파일 아님)",
	},
	SizingSourcePriceList: {
		en: "AWS Price List bulk file",
		ko: "AWS Price List 대량 파일",
	},
	SizingEstimateMark: {
		en: "≈ marks an estimate (derived, not read from a price list): check the AWS pricing page before you buy.",
		ko: "≈ 표시는 추정치입니다(가격표에서 읽은 값이 아니라 계산한 값). 구매 전에 AWS 요금 페이지에서 확인하세요.",
	},
	SizingHdrNotes: {en: "Notes", ko: "참고"},

	SizingTailOK: {en: "The current value fits.", ko: "현재 값은 적정합니다."},
	SizingTailRaise: {
		en: "The current value fits with room to spare; you can raise it when the service needs more.",
		ko: "현재 값은 여유가 많습니다. 서비스에 더 필요하면 올려도 됩니다.",
	},
	SizingTailWarn: {
		en: "That is more than the budget: at full load it squeezes the file cache and the disk slows down.",
		ko: "예산보다 많습니다. 최대 부하에서는 파일 캐시를 밀어내서 디스크가 느려집니다.",
	},
	SizingTailCgroup: {
		en: "That is more than the service's cgroup allows: at full load the kernel kills it inside its cgroup, however much memory the machine has free.",
		ko: "서비스 cgroup이 허용하는 것보다 많습니다. 최대 부하에서는 서버에 메모리가 남아 있어도 커널이 cgroup 안에서 서비스를 강제 종료합니다.",
	},
	SizingTailDanger: {
		en: "That is more memory than this server can give: at full load the kernel's OOM killer will kill a process, often MySQL. This is the most common cause of outages on web servers.",
		ko: "이 서버가 내줄 수 있는 메모리보다 많습니다. 최대 부하에서 커널의 OOM killer가 프로세스(대개 MySQL)를 강제 종료합니다. 웹 서버 장애의 가장 흔한 원인입니다.",
	},
	SizingTailNeverRecycled: {
		en: "Now it is 0: children are never replaced, so a memory leak in a module or in PHP grows until the next restart.",
		ko: "지금은 0이라 자식 프로세스가 교체되지 않으므로, 모듈이나 PHP의 메모리 누수가 다음 재시작까지 계속 커집니다.",
	},

	SizingWhyNginxWorkers: {
		en: "Nginx workers are event-driven: each serves thousands of connections, so one per vCPU (auto) is enough; more workers only cost memory (%.1f MB each here, %d vCPU).",
		ko: "Nginx 워커는 이벤트 방식이라 워커 하나가 연결 수천 개를 처리합니다. vCPU당 하나(auto)면 충분하고, 그보다 많으면 메모리만 더 씁니다(이 서버에서 워커당 %.1f MB, vCPU %d개).",
	},
	SizingWhyServerLimitPrefork: {
		en: "With prefork, ServerLimit caps MaxRequestWorkers (now %d, ServerLimit %d): keep it equal to or above MaxRequestWorkers. Prefork's hard maximum is %d.",
		ko: "prefork에서는 ServerLimit이 MaxRequestWorkers(현재 %d, ServerLimit %d)의 상한입니다. MaxRequestWorkers 이상으로 맞추세요. prefork의 최대값은 %d입니다.",
	},
	SizingWhyServerLimitLow: {
		en: "MaxRequestWorkers is %d but ServerLimit is %d, so Apache silently starts no more than ServerLimit children. Set ServerLimit equal to MaxRequestWorkers (prefork's hard maximum is %d).",
		ko: "MaxRequestWorkers는 %d인데 ServerLimit이 %d(이)라서 Apache는 경고 없이 ServerLimit만큼만 자식을 띄웁니다. ServerLimit을 MaxRequestWorkers와 같게 맞추세요(prefork 최대값 %d).",
	},
	SizingWhyServerLimitThreaded: {
		en: "With worker/event, ServerLimit is the number of child processes: MaxRequestWorkers ÷ ThreadsPerChild (%d) = %d.",
		ko: "worker/event에서 ServerLimit은 자식 프로세스 수입니다: MaxRequestWorkers ÷ ThreadsPerChild(%d) = %d.",
	},
	SizingWhyMCPC: {
		en: "Replacing a child after %d connections (about 5000 for prefork, 50000 for worker/event) keeps memory leaks from growing without bound. %s",
		ko: "연결 %d개를 처리한 자식 프로세스를 교체하면(prefork는 약 5000, worker/event는 약 50000) 메모리 누수가 끝없이 커지는 것을 막습니다. %s",
	},
	SizingWhyFPMPM: {
		en: "pm = static keeps every child running all the time; dynamic keeps a few spare ones; ondemand starts children only when requests come, which saves memory on small servers (this one has %d MB).",
		ko: "pm = static은 모든 자식을 항상 띄워 두고, dynamic은 여분 몇 개만 유지하며, ondemand는 요청이 올 때만 자식을 띄워 작은 서버에서 메모리를 아낍니다(이 서버는 %d MB).",
	},

	SizingNoteRSSFallback: {
		en: "PSS was not readable for: %s (reading other users' processes needs root). RSS was used instead; it counts the pages forked workers share once per process, so these figures are too high. Run with sudo for exact ones.",
		ko: "다음 서비스는 PSS를 읽을 수 없었습니다: %s (다른 사용자의 프로세스는 root 권한이 필요합니다). 대신 RSS를 썼는데, RSS는 fork된 워커들이 공유하는 페이지를 프로세스마다 중복해서 세므로 실제보다 크게 나옵니다. 정확한 값은 sudo로 실행해서 확인하세요.",
	},
	SizingNoteConfigProblem: {
		en: "A configuration file could not be read fully, so a default was assumed: %s",
		ko: "구성 파일을 모두 읽지 못해 기본값을 가정했습니다: %s",
	},
	SizingNoteAssumedChild: {
		en: "No %s child process was running, so %.1f MB per child was assumed.",
		ko: "실행 중인 %s 자식 프로세스가 없어 자식당 %.1f MB로 가정했습니다.",
	},
	SizingNoteChildFloor: {
		en: "%s children measured %.1f MB each, which looks idle (a busy child is larger), so %.1f MB per child was used.",
		ko: "%s 자식 프로세스가 각각 %.1f MB로 측정되었는데, 유휴 상태의 값으로 보입니다(요청을 처리하는 자식은 더 큽니다). 그래서 자식당 %.1f MB로 계산했습니다.",
	},
	SizingNoteCredits: {
		en: "Burstable types (t3/t3a/t4g) earn CPU credits at their baseline (the percentage above) and spend them when busier. They start in unlimited mode (t2 in standard mode, which slows the CPU down instead). In unlimited mode, running above the baseline for long costs extra: USD %.2f per vCPU-hour for t3/t3a, USD %.2f for t4g. An abandoned or compromised %s (crypto mining) running at 100%% on its %d vCPUs, beyond the %g %% per vCPU its own credits cover, adds about USD %.0f a month — watch CPUUtilization and CPUSurplusCreditsCharged.",
		ko: "버스트 가능 유형(t3/t3a/t4g)은 위 표의 기준 성능만큼 CPU 크레딧을 쌓고, 그보다 바쁠 때 크레딧을 씁니다. 처음부터 무제한(unlimited) 모드로 시작합니다(t2는 표준 모드라 대신 CPU가 느려집니다). 무제한 모드에서 기준 성능을 오래 넘기면 추가 요금이 붙습니다: t3/t3a는 vCPU-시간당 USD %.2f, t4g는 USD %.2f. 방치되었거나 침해당한 %s 인스턴스(암호화폐 채굴)가 vCPU %d개로 100%% 돌면, 스스로 쌓는 크레딧이 감당하는 vCPU당 %g%%를 넘는 만큼 한 달에 약 USD %.0f의 추가 요금이 나옵니다. CPUUtilization과 CPUSurplusCreditsCharged 지표를 지켜보세요.",
	},
	SizingNoteX86Move: {
		en: "This host runs on AWS Graviton (arm64): the Graviton types (t4g, c7g, m7g, r7g) keep the same architecture; the x86 types listed need an x86_64 AMI and x86_64 builds of everything installed.",
		ko: "이 서버는 AWS Graviton(arm64)에서 실행 중입니다. Graviton 유형(t4g, c7g, m7g, r7g)은 같은 아키텍처이고, 목록의 x86 유형으로 옮기려면 x86_64 AMI와 설치된 모든 소프트웨어의 x86_64 빌드가 필요합니다.",
	},
	SizingNoteArm: {
		en: "t4g types run on AWS Graviton (Arm): moving there needs an arm64 AMI and arm64 builds of everything installed; cwsetup itself ships for both.",
		ko: "t4g 유형은 AWS Graviton(Arm) 프로세서입니다. 옮기려면 arm64 AMI와 설치된 모든 소프트웨어의 arm64 빌드가 필요합니다. cwsetup은 두 아키텍처를 모두 지원합니다.",
	},
	SizingNoteEstimates: {
		en: "Some prices are estimates (marked ≈). Reserved Instance and Savings Plan figures are no-upfront rules of thumb; on-demand figures were read from published price tables.",
		ko: "일부 가격은 추정치(≈ 표시)입니다. 예약 인스턴스와 Savings Plans 가격은 선결제 없음 기준의 어림값이고, 온디맨드 가격은 공개된 요금표에서 읽은 값입니다.",
	},
	SizingLong: {
		en: "cwsetup sizing measures this host: memory per service (PSS from /proc, so the\n" +
			"shared pages of forked workers are counted once), a short CPU sample, the\n" +
			"current limits of Apache, PHP-FPM, MySQL/MariaDB and Tomcat, and the evidence in\n" +
			"the logs (OOM kills, \"reached MaxRequestWorkers\", \"reached pm.max_children\").\n" +
			"It prints one memory ledger (every MB counted once), the value that fits for each\n" +
			"limit with the reasoning, and the smallest instance types that fit, priced for\n" +
			"the region shown. Run it as root: other users' process memory needs it.",
		ko: "cwsetup sizing은 이 호스트를 측정합니다. 서비스별 메모리(/proc의 PSS 기준이라\n" +
			"fork된 워커가 공유하는 페이지를 한 번만 셉니다), 짧은 CPU 측정 표본, Apache,\n" +
			"PHP-FPM, MySQL/MariaDB, Tomcat의 현재 한도, 그리고 로그에 남은 증거(OOM kill,\n" +
			"\"reached MaxRequestWorkers\", \"reached pm.max_children\")를 읽습니다. 그 결과로\n" +
			"메모리 장부(모든 MB를 한 번씩만 셈), 한도별 알맞은 값과 근거, 들어맞는 가장 작은\n" +
			"인스턴스 유형을 표시된 리전의 가격과 함께 보여 줍니다.\n" +
			"다른 사용자 프로세스의 메모리를 읽으려면 root로 실행하세요.",
	},
	SizingHdrCPU: {
		en: "CPU: %d vCPU, %.1f%% busy in a %.1f s sample (%.2f vCPU in use during those seconds only)",
		ko: "CPU: vCPU %d개, %.1f%% 사용 (%.1f초 동안의 측정 표본, vCPU %.2f개 분량이며 장시간 평균이 아님)",
	},
	SizingHdrInstancesFixed: {
		en: "Instance types that fit: %d MB of memory (fixed buffers such as a database's global buffers or a JVM heap count at their configured %d MB, resident or not; plus the %d MB of the rest used now with 25 %% headroom, or with the %d MB the web tier may grow to within its limits, whichever is more) and %.2f vCPU busy (%s)",
		ko: "들어맞는 인스턴스 유형: 메모리 %d MB (DB 전역 버퍼나 JVM 힙 같은 고정 버퍼는 메모리에 올라와 있든 아니든 설정값 %d MB로 세고, 나머지 지금 사용 중인 %d MB에 25%% 여유분 또는 웹 계층이 한도 안에서 더 늘어날 수 있는 %d MB 중 큰 쪽을 더한 값), CPU vCPU %.2f개 사용 (%s)",
	},
	SizingHdrInstances: {
		en: "Instance types that fit: %d MB of memory (%d MB used now, plus 25 %% headroom or the %d MB the web tier may grow to within its limits, whichever is more) and %.2f vCPU busy (%s)",
		ko: "들어맞는 인스턴스 유형: 메모리 %d MB (지금 사용 중인 %d MB에 25%% 여유분, 또는 웹 계층이 한도 안에서 더 늘어날 수 있는 %d MB 중 큰 쪽을 더한 값), CPU vCPU %.2f개 사용 (%s)",
	},
	SizingCPUFromSample: {
		en: "from a %.1f s sample only, which says nothing about hours or days",
		ko: "%.1f초 측정 표본 기준이라 몇 시간, 며칠의 부하는 알 수 없음",
	},
	SizingCPUFromNone: {en: "CPU not measured", ko: "CPU는 측정하지 않음"},
	SizingCPUFromHistory: {
		en: "CloudWatch CPUUtilization of this instance, %d days, 95th percentile",
		ko: "이 인스턴스의 CloudWatch CPUUtilization %d일, 95번째 백분위수",
	},
	SizingBudgetOver: {en: "over (the configured worst cases do not fit)", ko: "초과 (설정된 최악의 경우가 들어가지 않음)"},

	SizingWhyPreforkMRW: {
		en: "Each prefork child uses up to %.1f MB (%s): limits are sized on the largest child, not on how many run now. The web tier has %d MB after the OS reserve, the file cache and the other services. %s So %d workers fit: %s at once, since a browser opens 6–8 connections. The current %d workers need %d MB. %s",
		ko: "prefork 자식 프로세스 하나가 최대 %.1f MB를 씁니다(%s). 한도는 지금 떠 있는 자식 수가 아니라 가장 큰 자식 기준으로 계산합니다. OS 예비분, 파일 캐시, 다른 서비스를 빼면 웹 계층이 쓸 수 있는 메모리는 %d MB입니다. %s 그래서 워커 %d개가 들어갑니다. 브라우저 하나가 연결을 6~8개 열기 때문에 %s 분량입니다. 현재 워커 %d개에는 %d MB가 필요합니다. %s",
	},
	SizingWhyThreadedMRW: {
		en: "With the %s MPM each thread costs about %.2f MB (its stack plus what the largest child grew by per thread) on top of %.1f MB per child process (%s), so more ThreadsPerChild do not come for free. The web tier has %d MB. %s So %d processes × ThreadsPerChild %d = %d workers fit: %s at once (6–8 connections per browser). The current %d workers need %d processes, %d MB. %s",
		ko: "%s MPM에서는 스레드 하나가 약 %.2f MB(스택과, 가장 큰 자식이 스레드당 늘어난 만큼)를 쓰고, 자식 프로세스마다 %.1f MB가 더 듭니다(%s). 그래서 ThreadsPerChild를 늘린다고 메모리가 공짜로 생기지 않습니다. 웹 계층이 쓸 수 있는 메모리는 %d MB입니다. %s 그래서 프로세스 %d개 × ThreadsPerChild %d = 워커 %d개가 들어갑니다. 브라우저당 연결 6~8개 기준으로 %s 분량입니다. 현재 워커 %d개에는 프로세스 %d개, %d MB가 필요합니다. %s",
	},
	SizingDetailProxied: {
		en: "Apache passes PHP to PHP-FPM: a PHP request holds a PHP-FPM child (%.1f MB) and a database connection (%.2f MB held for its life), and Apache workers are sized apart, %d per PHP request (%.2f MB each: the one waiting on PHP-FPM and the ones serving static files and kept-alive connections beside it; a worker waiting on a busy pool costs a worker, not a PHP child). %d PHP requests fit, and MaxRequestWorkers gets %d workers.",
		ko: "Apache는 PHP 요청을 PHP-FPM에 넘깁니다. PHP 요청 하나는 PHP-FPM 자식 하나(%.1f MB)와 DB 연결 하나(연결이 잡는 %.2f MB)를 쓰고, Apache 워커는 따로 계산해 PHP 요청당 %d개(각 %.2f MB)를 둡니다. PHP-FPM을 기다리는 워커 하나와, 그 곁에서 정적 파일과 keep-alive 연결을 처리하는 워커입니다. 바쁜 풀을 기다리는 워커는 PHP 자식이 아니라 워커 하나만큼만 듭니다. PHP 요청 %d개가 들어가고 MaxRequestWorkers에는 워커 %d개가 돌아갑니다.",
	},
	SizingDetailProxiedNoDB: {
		en: "Apache passes PHP to PHP-FPM: a PHP request holds a PHP-FPM child (%.1f MB), and Apache workers are sized apart, %d per PHP request (%.2f MB each: the one waiting on PHP-FPM and the ones serving static files and kept-alive connections beside it; a worker waiting on a busy pool costs a worker, not a PHP child). %d PHP requests fit, and MaxRequestWorkers gets %d workers.",
		ko: "Apache는 PHP 요청을 PHP-FPM에 넘깁니다. PHP 요청 하나는 PHP-FPM 자식 하나(%.1f MB)를 쓰고, Apache 워커는 따로 계산해 PHP 요청당 %d개(각 %.2f MB)를 둡니다. PHP-FPM을 기다리는 워커 하나와, 그 곁에서 정적 파일과 keep-alive 연결을 처리하는 워커입니다. 바쁜 풀을 기다리는 워커는 PHP 자식이 아니라 워커 하나만큼만 듭니다. PHP 요청 %d개가 들어가고 MaxRequestWorkers에는 워커 %d개가 돌아갑니다.",
	},
	SizingDetailModPHP: {
		en: "With mod_php each worker runs PHP itself and may hold a database connection of %.2f MB (its thread stack and network buffers plus a 10 %% margin; MySQLTuner's per-query worst case is a separate note), counted per worker.",
		ko: "mod_php에서는 워커가 PHP를 직접 실행하고 DB 연결을 하나 잡을 수 있어서, 워커마다 연결 하나가 잡는 %.2f MB(스레드 스택과 네트워크 버퍼에 10%% 여유분, MySQLTuner의 쿼리별 최악의 경우는 별도 안내)를 함께 셉니다.",
	},
	SizingDetailModPHPNoDB: {
		en: "With mod_php each worker runs PHP itself.",
		ko: "mod_php에서는 워커가 PHP를 직접 실행합니다.",
	},
	SizingDetailStatic: {
		en: "Apache runs no PHP here, so each worker costs only itself.",
		ko: "이 서버의 Apache는 PHP를 실행하지 않으므로 워커는 자기 메모리만 씁니다.",
	},
	SizingWhyThreadedModPHP: {
		en: "mod_php is loaded with the %s MPM: PHP's Apache module is not thread-safe, and httpd refuses to start with it under a threaded MPM (AH00013). Run PHP with PHP-FPM (proxy_fcgi), or switch to the prefork MPM.",
		ko: "%s MPM에 mod_php가 로드되어 있습니다. PHP의 Apache 모듈은 스레드 안전하지 않아 httpd가 스레드 방식 MPM에서는 시작을 거부합니다(AH00013). PHP를 PHP-FPM(proxy_fcgi)으로 실행하거나 prefork MPM으로 바꾸세요.",
	},
	SizingWhyFPMMaxChildren: {
		en: "Each PHP-FPM child uses up to %.1f MB (%s): limits are sized on the largest child, not on how many run now. %s In %d MB, pm.max_children %d fits. The current limit of %d needs %d MB. %s %s",
		ko: "PHP-FPM 자식 프로세스 하나가 최대 %.1f MB를 씁니다(%s). 한도는 지금 떠 있는 자식 수가 아니라 가장 큰 자식 기준으로 계산합니다. %s %d MB 안에 들어가는 pm.max_children 값은 %d입니다. 현재 자식 %d개에는 %d MB가 필요합니다. %s %s",
	},
	SizingDetailFPMAlone: {
		en: "Each PHP request may also hold a database connection (%.2f MB held for its life), counted with it.",
		ko: "PHP 요청마다 DB 연결(연결이 잡는 %.2f MB)도 하나씩 잡을 수 있어 함께 셉니다.",
	},
	SizingDetailFPMBehindApache: {
		en: "Each PHP request is counted with its %d Apache workers (%.2f MB each) and a database connection it may hold (%.2f MB held for its life).",
		ko: "PHP 요청마다 Apache 워커 %d개(각 %.2f MB)와, 요청이 잡을 수 있는 DB 연결 하나(연결이 잡는 %.2f MB)를 함께 셉니다.",
	},
	SizingDetailFPMBehindApacheNoDB: {
		en: "Each PHP request is counted with its %d Apache workers (%.2f MB each).",
		ko: "PHP 요청마다 Apache 워커 %d개(각 %.2f MB)를 함께 셉니다.",
	},
	SizingDetailFPMOverMRW: {
		en: "pm.max_children adds up to %d but Apache allows only %d workers: each worker holds at most one PHP-FPM request, so children beyond that can never all be busy and only cost memory. Keep pm.max_children at or below MaxRequestWorkers.",
		ko: "pm.max_children 합계는 %d인데 Apache 워커는 %d개까지만 뜹니다. 워커 하나는 PHP-FPM 요청을 최대 하나만 잡으므로 그보다 많은 자식은 모두 바빠질 수 없고 메모리만 씁니다. pm.max_children은 MaxRequestWorkers 이하로 두세요.",
	},
	SizingWhyMemoryLimitNone: {
		en: "memory_limit = -1 (%s) lets one request take all the memory there is; the pool's children are then limited only by the OOM killer. 128M is PHP's default.",
		ko: "memory_limit = -1(%s)이면 요청 하나가 메모리를 전부 쓸 수 있어, 풀의 자식 프로세스를 막는 것은 OOM killer뿐입니다. PHP 기본값은 128M입니다.",
	},
	SizingDetailMySQLServer: {
		en: "%s's global buffers (MySQLTuner's formula, with this flavour's own defaults for what is not set): buffer pool %d MB + key buffer %d MB + log buffer %d MB + query cache %d MB + Aria page cache %d MB + performance_schema ≈%d MB = %d MB. Each connection can take up to %.1f MB more (sort %s, thread stack %s, a %d MB in-memory temporary table, read and join buffers).",
		ko: "%s 전역 버퍼(MySQLTuner 공식, 설정되지 않은 값은 이 제품의 기본값): 버퍼 풀 %d MB + 키 버퍼 %d MB + 로그 버퍼 %d MB + 쿼리 캐시 %d MB + Aria 페이지 캐시 %d MB + performance_schema 약 %d MB = %d MB. 연결마다 최대 %.1f MB가 더 듭니다(sort %s, 스레드 스택 %s, 메모리 임시 테이블 %d MB, read·join 버퍼).",
	},
	SizingWhyBufferPoolShared: {
		en: "%s Of the %d MB left beside the web tier, MySQL's global buffers may take at most %d MB (40 %%), so they cannot spend what the web tier is given; now they take %d MB. A buffer pool of %d MB fits. %s",
		ko: "%s 웹 계층과 함께 쓰는 나머지 %d MB 중 MySQL 전역 버퍼는 최대 %d MB(40%%)까지만 쓸 수 있어, 웹 계층 몫을 가져가지 못합니다. 지금은 %d MB입니다. 버퍼 풀은 %d MB가 들어갑니다. %s",
	},
	SizingWhyBufferPoolDedicated: {
		en: "%s This is a database server: %d MB are left for MySQL (%d MB for its buffers and connections together); the global buffers take %d MB now. Three quarters of what is left after every allowed connection's worst case, a buffer pool of %d MB, lets InnoDB keep more data in memory. %s",
		ko: "%s 이 서버는 DB 전용 서버라 MySQL에 %d MB가 남습니다(전역 버퍼와 연결을 합쳐 %d MB). 지금 전역 버퍼는 %d MB입니다. 허용된 연결 전부의 최악의 경우를 빼고 남는 메모리의 3/4인 버퍼 풀 %d MB를 주면 InnoDB가 더 많은 데이터를 메모리에 둘 수 있습니다. %s",
	},
	SizingWhyMaxConnections: {
		en: "Each connection holds %.2f MB for its life (thread stack and network buffers; per-query buffers are in the worst-case note); %d connections hold %d MB together, and %d fit the memory. Match it to what the applications really open, not a number from the web.",
		ko: "연결 하나는 살아 있는 동안 %.2f MB(스레드 스택과 네트워크 버퍼, 쿼리별 버퍼는 최악의 경우 안내 참고)를 잡습니다. 연결 %d개면 합쳐서 %d MB이고, 메모리에는 %d개가 들어갑니다. 인터넷에서 본 숫자가 아니라 애플리케이션이 실제로 여는 연결 수에 맞추세요.",
	},
	SizingWhyMaxConnectionsWeb: {
		en: "The web tier can run %d PHP requests at once and each can hold a database connection, but max_connections is %d: at peak the extra requests fail with \"Too many connections\". %d leaves a margin for cron jobs and admins (each connection holds %.2f MB, counted in the ledger).",
		ko: "웹 계층은 PHP 요청을 동시에 %d개까지 처리하고 요청마다 DB 연결을 하나씩 잡을 수 있는데, max_connections는 %d입니다. 최대 부하에서는 넘치는 요청이 \"Too many connections\" 오류로 실패합니다. %d(이)면 cron 작업과 관리자용 여유분까지 들어갑니다(연결 하나가 %.2f MB를 잡으며 장부에 포함됩니다).",
	},
	SizingWhyMaxConnectionsLower: {
		en: "The web tier can open at most %d connections at once (one per PHP request), but max_connections is %d; each connection holds %.2f MB, so MySQL needs up to %d MB. %d (the web tier plus a margin for cron jobs and admins) caps it at %d MB. %s",
		ko: "웹 계층이 동시에 여는 연결은 최대 %d개(PHP 요청당 하나)인데 max_connections는 %d입니다. 연결 하나가 %.2f MB를 잡으므로 MySQL에 최대 %d MB가 필요합니다. %d(웹 계층 + cron 작업·관리자용 여유분)(으)로 낮추면 %d MB로 제한됩니다. %s",
	},
	SizingWhyMaxConnectionsMatch: {
		en: "The web tier can open at most %d connections at once and max_connections %d covers them with a margin; each connection holds %.2f MB, counted in the ledger.",
		ko: "웹 계층이 동시에 여는 연결은 최대 %d개이고 max_connections %d은(는) 여유분까지 포함합니다. 연결 하나가 %.2f MB를 잡으며 장부에 포함됩니다.",
	},
	SizingWhyXmx: {
		en: "Tomcat can use %d MB here. The JVM needs its heap (-Xmx %d MB now) %s: %d MB in all. A heap of %d MB fits with room for garbage collection and direct buffers. %s",
		ko: "이 서버에서 Tomcat이 쓸 수 있는 메모리는 %d MB입니다. JVM에는 힙(지금 -Xmx %d MB)에 더해 %s도 필요해 모두 %d MB입니다. 힙은 가비지 컬렉션과 direct 버퍼 몫을 남긴 %d MB가 알맞습니다. %s",
	},
	SizingDetailJVM: {
		en: "plus metaspace (%d MB, an estimate unless MaxMetaspaceSize is set), code cache (%d MB) and %d threads × %d KB of stack",
		ko: "메타스페이스(%d MB, MaxMetaspaceSize가 없으면 추정치), 코드 캐시(%d MB), 스레드 %d개 × 스택 %d KB",
	},
	SizingWhyRAMPercent: {
		en: "-XX:MaxRAMPercentage=%s%% of %d MB (%s) gives a heap of %d MB; %s, the JVM needs %d MB, but Tomcat can use %d MB here. A heap of %d MB fits: set -Xmx to it, or lower the percentage to the value recommended. %s",
		ko: "-XX:MaxRAMPercentage=%s%%를 %d MB(%s)에 적용하면 힙이 %d MB가 됩니다. 여기에 %s까지 더하면 JVM에 %d MB가 필요한데, 이 서버에서 Tomcat이 쓸 수 있는 메모리는 %d MB입니다. 힙은 %d MB가 들어가니 -Xmx를 그 값으로 정하거나 비율을 권장값으로 낮추세요. %s",
	},
	SizingLimitMachine: {en: "the machine's memory", ko: "서버 전체 메모리"},
	SizingLimitCgroup:  {en: "the service's cgroup memory limit", ko: "서비스 cgroup의 메모리 한도"},
	SizingWhyMaxThreads: {
		en: "Each connector thread can hold a %g MB stack, counted in Tomcat's need above; %d threads fit beside the heap. More threads than the CPUs can serve only queue requests in memory.",
		ko: "커넥터 스레드마다 스택 %g MB를 쓸 수 있고, 위의 Tomcat 필요량에 포함됩니다. 힙 옆에 들어가는 스레드는 %d개입니다. CPU가 처리할 수 있는 것보다 스레드가 많으면 요청이 메모리에서 기다릴 뿐입니다.",
	},

	SizingNoteNoCPU: {
		en: "CPU use was not measured, so whether a burstable type's baseline (t3/t3a/t4g) is enough is unknown: they are listed, but check CPUUtilization in CloudWatch before choosing one.",
		ko: "CPU 사용률을 측정하지 않아 버스트 가능 유형(t3/t3a/t4g)의 기준 성능으로 충분한지 알 수 없습니다. 목록에는 넣었지만, 고르기 전에 CloudWatch의 CPUUtilization을 확인하세요.",
	},
	SizingNoteSampleAboveBase: {
		en: "In the %.1f s CPU sample %.2f vCPU were busy, above the baseline of the burstable types listed. One sample cannot tell a burst from a steady load: check CPUUtilization and CPUCreditBalance in CloudWatch over a few days before choosing a t type; if the load stays above the baseline, an m, c or r type fits better.",
		ko: "%.1f초 동안의 CPU 측정 표본에서 vCPU %.2f개가 사용되어, 목록의 버스트 가능 유형 기준 성능보다 높았습니다. 표본 하나로는 잠깐의 버스트인지 계속되는 부하인지 알 수 없습니다. t 유형을 고르기 전에 CloudWatch에서 며칠 동안의 CPUUtilization과 CPUCreditBalance를 확인하고, 부하가 기준 성능을 계속 넘으면 m, c, r 유형을 고르세요.",
	},
	SizingNoteHistoryAboveBase: {
		en: "Over %d days CloudWatch shows this instance at %.1f%% CPU (95th percentile; %.2f vCPU busy), above the baseline of the burstable types that fit the memory: they would run out of credits or bill for surplus credits, so an m, c or r type fits better.",
		ko: "CloudWatch 기준 최근 %d일 동안 이 인스턴스의 CPU는 %.1f%%(95번째 백분위수, vCPU %.2f개 분량)로, 메모리가 맞는 버스트 가능 유형의 기준 성능보다 높습니다. 크레딧이 바닥나거나 초과 크레딧 요금이 붙으므로 m, c, r 유형이 더 알맞습니다.",
	},
	SizingNoteCgroupTight: {
		en: "%s may reach %d MB under the limits above, but its cgroup allows %d MB (%s): at full load the kernel kills it inside its cgroup however much memory is free. Lower its limits to fit, or raise the cgroup's limit (systemctl set-property … MemoryMax=).",
		ko: "%s 서비스는 위 한도에서 %d MB까지 쓸 수 있지만 cgroup은 %d MB만 허용합니다(%s). 최대 부하에서는 서버에 메모리가 남아 있어도 커널이 cgroup 안에서 서비스를 종료합니다. 한도를 그 안으로 낮추거나 cgroup 한도를 올리세요(systemctl set-property … MemoryMax=).",
	},
	SizingNoteCgroupBound: {
		en: "%s runs in a cgroup limited to %d MB (%s): its budget is that limit, not the machine's memory; above it the kernel kills the service inside its cgroup, however much memory is free.",
		ko: "%s 서비스는 %d MB로 제한된 cgroup(%s) 안에서 실행됩니다. 그래서 예산은 서버 전체 메모리가 아니라 이 한도이고, 이를 넘으면 서버에 메모리가 남아 있어도 커널이 cgroup 안에서 서비스를 종료합니다.",
	},
	SizingNoteDBRead: {
		en: "The database's own figures were read over %s (root by socket, read-only) and replace option files and defaults: up %s, at most %d connections at once since it started; data+index per engine: %s; %d of %d temporary tables went to disk.",
		ko: "DB 자체 수치를 소켓 %s에서(root 소켓 인증, 읽기 전용) 읽어 설정 파일과 기본값 대신 썼습니다: 가동 %s, 시작 뒤 동시 연결 최대 %d개, 엔진별 데이터+인덱스: %s, 임시 테이블 %[6]d개 중 %[5]d개가 디스크로 갔습니다.",
	},
	SizingNoteDBUnread: {
		en: "The database could not be read over %s (%s): option files and defaults were used instead.",
		ko: "소켓 %s에서 DB를 읽지 못해(%s) 설정 파일과 기본값을 썼습니다.",
	},
	SizingNoteMySQLObserved: {
		en: "MySQLTuner's \"maximum reached\": with the %d connections that were open at once since the server started, every per-query buffer in use would take %d MB with the global buffers (%d %% of memory).",
		ko: "MySQLTuner의 \"실제 도달 최대치\": 서버 시작 뒤 동시에 열렸던 연결 %d개가 쿼리별 버퍼를 모두 쓰면 전역 버퍼와 합쳐 %d MB(메모리의 %d%%)입니다.",
	},
	SizingNoteMySQLDefaults: {
		en: "No %[1]s option file was found (my.cnf and what it includes): %[1]s's own defaults are assumed for every setting, so the figures above are what a default server would use.",
		ko: "%[1]s 설정 파일(my.cnf와 그 include)을 찾지 못했습니다. 모든 설정에 %[1]s 기본값을 가정했으므로, 위 수치는 기본 설정 서버 기준입니다.",
	},
	SizingMeasuredMany:        {en: "PSS of the largest of %d children; average %.1f MB", ko: "자식 %d개 중 가장 큰 것의 PSS, 평균 %.1f MB"},
	SizingMeasuredOne:         {en: "PSS of the one child running", ko: "실행 중인 자식 하나의 PSS"},
	SizingMeasuredNone:        {en: "assumed: no child was running", ko: "실행 중인 자식이 없어 가정한 값"},
	SizingThreadsMeasuredMany: {en: "measured on %d children", ko: "자식 %d개 측정"},
	SizingThreadsMeasuredOne:  {en: "measured on the one child running", ko: "실행 중인 자식 하나로 측정"},
	SizingUsersRange:          {en: "about %d–%d users", ko: "동시 사용자 약 %d~%d명"},
	SizingUsersAbout:          {en: "about %d users", ko: "동시 사용자 약 %d명"},
	SizingUsersOne:            {en: "about one user", ko: "동시 사용자 약 1명"},
	SizingUsersUnderOne:       {en: "less than one user", ko: "동시 사용자 1명에도 못 미치는"},
	SizingSwappiness:          {en: "vm.swappiness %d", ko: "vm.swappiness %d"},
	SizingSwappinessUnknown:   {en: "vm.swappiness unknown: /proc/sys/vm/swappiness unreadable", ko: "vm.swappiness 알 수 없음: /proc/sys/vm/swappiness를 읽지 못함"},
	SizingNoteTierOrder: {
		en: "After the OS reserve and the file cache, memory is given in this order, each tier from what the earlier ones left: %s. When memory is short, the later tiers are the ones cut.",
		ko: "OS 예비분과 파일 캐시를 뺀 메모리는 이 순서로 나누며, 뒤 계층은 앞 계층이 남긴 만큼에서 받습니다: %s. 메모리가 모자라면 뒤쪽 계층부터 줄어듭니다.",
	},
	SizingTierFixed:       {en: "%s as it runs now (%d MB)", ko: "지금 쓰는 만큼의 %s(%d MB)"},
	SizingTierTomcat:      {en: "Tomcat at its configured maximum (%d MB)", ko: "설정된 최대치의 Tomcat(%d MB)"},
	SizingTierMySQLServer: {en: "MySQL's global buffers (%d MB)", ko: "MySQL 전역 버퍼(%d MB)"},
	SizingTierWeb:         {en: "the web tier (%d MB)", ko: "웹 계층(%d MB)"},
	SizingTierMySQLConns:  {en: "MySQL's connections (%d MB)", ko: "MySQL 연결(%d MB)"},
	SizingNoteKeptRunning: {
		en: "%s %s is not advised below %d, what runs now: the logs read (%s) show no OOM kill and no \"reached\" error, so what runs today fits (the formula alone gives %d).",
		ko: "%s %s: 지금 %d개가 실행 중이고 읽은 로그(%s)에 OOM kill도 \"reached\" 오류도 없어 지금 도는 만큼은 메모리에 들어갑니다. 그래서 그보다 낮게 권하지 않습니다(계산식만으로는 %d).",
	},
	SizingNoteMySQLWorstCase: {
		en: "MySQLTuner's theoretical worst case, shown apart and not used in the limits: all %d allowed connections using every per-query buffer at once (%.1f MB each) would take %d MB with the global buffers (%d %% of memory). It is a ceiling, not a forecast; the limits count each connection at %.2f MB (thread stack and network buffers, held for its life), since read, sort and join buffers and temporary tables live only while a query runs.",
		ko: "MySQLTuner의 이론상 최악의 경우(한도 계산에는 쓰지 않고 따로 표시): 허용된 연결 %d개가 쿼리별 버퍼를 한꺼번에 모두 쓰면(연결당 %.1f MB) 전역 버퍼와 합쳐 %d MB(메모리의 %d%%)입니다. 예측이 아니라 상한입니다. read·sort·join 버퍼와 임시 테이블은 쿼리가 도는 동안만 있으므로, 한도는 연결 하나를 %.2f MB(연결이 살아 있는 동안 잡는 스레드 스택과 네트워크 버퍼)로 셉니다.",
	},
	SizingNoteAssumedThreads: {
		en: "No worker/event child process was running, so %.2f MB per thread and %.1f MB per child process were assumed.",
		ko: "실행 중인 worker/event 자식 프로세스가 없어 스레드당 %.2f MB, 자식 프로세스당 %.1f MB로 가정했습니다.",
	},
	SizingNoteOOM: {
		en: "The kernel's OOM killer killed a process %d time(s) in the logs searched; the last: %s at %s (%s). Memory has run out here before, so the limits above matter.",
		ko: "검색한 로그에서 커널의 OOM killer가 프로세스를 %d번 강제 종료했습니다. 마지막은 %s, %s (%s)입니다. 이 서버는 이미 메모리가 바닥난 적이 있으니 위의 한도가 중요합니다.",
	},
	SizingNoteNoOOM: {
		en: "No OOM kill was found in %s.",
		ko: "%s에서 OOM kill 기록을 찾지 못했습니다.",
	},
	SizingNoteJournalSkipped: {
		en: "The systemd journal under --root was not searched for OOM kills: it is binary, and cwsetup reads it with journalctl only on the running system (--root /).",
		ko: "--root 아래의 systemd 저널은 OOM kill 검색에서 제외했습니다. 저널은 바이너리 형식이라 cwsetup은 실행 중인 시스템(--root /)에서만 journalctl로 읽습니다.",
	},
	SizingNoteMRWReached: {
		en: "Apache's error log says \"server reached MaxRequestWorkers\" %d time(s), the last at %s: requests waited for a free worker.",
		ko: "Apache 오류 로그에 \"server reached MaxRequestWorkers\"가 %d번 있습니다(마지막 %s). 요청이 빈 워커를 기다렸다는 뜻입니다.",
	},
	SizingNoteFPMReached: {
		en: "PHP-FPM's log says pool %s \"reached pm.max_children\" %d time(s), the last at %s: PHP requests waited for a free child.",
		ko: "PHP-FPM 로그에 %s 풀의 \"reached pm.max_children\"이 %d번 있습니다(마지막 %s). PHP 요청이 빈 자식 프로세스를 기다렸다는 뜻입니다.",
	},
	SizingNoteSwapUsed: {
		en: "%d MB of %d MB swap is in use (%s): memory ran short at some point, and a web server that swaps answers slowly.",
		ko: "스왑 %[2]d MB 중 %[1]d MB를 쓰고 있습니다(%[3]s). 언젠가 메모리가 모자랐다는 뜻이며, 스왑을 쓰는 웹 서버는 응답이 느립니다.",
	},
	SizingNoteNoSwap: {
		en: "There is no swap (%s): when memory runs out the OOM killer acts at once, so the limits must fit.",
		ko: "스왑이 없습니다(%s). 메모리가 바닥나면 곧바로 OOM killer가 동작하므로 한도가 반드시 메모리 안에 들어가야 합니다.",
	},
	SizingNoteMemoryLimit: {
		en: "PHP's memory_limit for pool %s is %d MB (%s): one request can grow a child that far beyond its idle size.",
		ko: "%s 풀의 PHP memory_limit은 %d MB입니다(%s). 요청 하나가 자식 프로세스를 유휴 크기보다 그만큼 더 키울 수 있습니다.",
	},
	SizingNoteRegionUnpriced: {
		en: "No prices are shown: the built-in catalog is for %[2]s, not %[1]s, and the AWS Price List was not read (it needs credentials). Another region's prices are never shown as %[1]s's; the memory and vCPU advice above holds in any region.",
		ko: "가격은 표시하지 않습니다. 내장 가격표는 %[1]s이(가) 아니라 %[2]s 리전의 것이고, AWS Price List는 읽지 못했습니다(자격 증명이 필요합니다). 다른 리전의 가격을 %[1]s의 가격처럼 보여 주지 않습니다. 위의 메모리와 vCPU 기준은 어느 리전에서나 같습니다.",
	},
	SizingNoteCreditsExhausted: {
		en: "CPUCreditBalance reached zero in the last %d days: this instance ran out of CPU credits (in standard mode it was slowed to its baseline; in unlimited mode it paid for surplus credits).",
		ko: "최근 %d일 사이 CPUCreditBalance가 0까지 떨어졌습니다. 이 인스턴스는 CPU 크레딧이 바닥난 적이 있습니다(표준 모드라면 기준 성능으로 느려졌고, 무제한 모드라면 초과 크레딧 요금이 붙었습니다).",
	},
	SizingNoteHistoryUnavailable: {
		en: "This instance's CloudWatch CPU history could not be read, so the CPU figure is the sample above: %s",
		ko: "이 인스턴스의 CloudWatch CPU 기록을 읽지 못해 CPU 수치는 위의 측정 표본입니다: %s",
	},
	SizingNoteTypesUnavailable: {
		en: "The instance types offered in %s could not be read from EC2, so the built-in list is used: %s",
		ko: "%s 리전에서 제공하는 인스턴스 유형을 EC2에서 읽지 못해 내장 목록을 씁니다: %s",
	},
	SizingNotePricesUnavailable: {
		en: "The AWS Price List for %s could not be read, so prices come from the built-in catalog when it is for that region: %s",
		ko: "%s 리전의 AWS Price List를 읽지 못해, 내장 가격표가 그 리전의 것일 때만 그 가격을 씁니다: %s",
	},
	SizingColLargest: {en: "largest MB", ko: "최대 MB"},
	SizingCPUCaveatMark: {
		en: "* the CPU figure does not show that this type's baseline is enough (a sample only, or no measurement): see the notes.",
		ko: "* CPU 수치만으로는 이 유형의 기준 성능이 충분한지 알 수 없습니다(측정 표본뿐이거나 측정하지 않음). 참고 사항을 보세요.",
	},
	SizingPriceAPILine: {
		en: "Prices: region %s, on-demand from the AWS Price List Query API today; reserved figures are estimates.",
		ko: "가격: 리전 %s, 온디맨드 가격은 오늘 AWS Price List Query API에서 읽은 값이고 약정 가격은 추정치입니다.",
	},
	SizingWhySmallEngineBuffer: {
		en: "%s (%d MB) serves only MyISAM or Aria tables (and Aria's internal temporary tables), not InnoDB; with MySQL's global buffers capped at %d MB here, 16 MB leaves the room to the buffer pool.",
		ko: "%s(%d MB)는 InnoDB가 아니라 MyISAM·Aria 테이블(과 Aria 내부 임시 테이블)에만 쓰입니다. 이 서버에서 MySQL 전역 버퍼는 %d MB까지라서, 16 MB로 줄이면 그만큼 버퍼 풀에 돌아갑니다.",
	},
	SizingFlagRegion: {
		en: "region the instance advice and prices are for (default: this instance's)",
		ko: "인스턴스 추천과 가격의 기준 리전 (기본값: 이 인스턴스의 리전)",
	},
	SizingFlagOffline: {
		en: "ask AWS nothing: no CloudWatch history, built-in types and prices only",
		ko: "AWS에 아무것도 묻지 않음: CloudWatch 기록 없이 내장 유형과 가격만 사용",
	},
	SizingErrBadRegion: {
		en: "--region must be an AWS region code such as ap-northeast-2, not %q",
		ko: "--region에는 ap-northeast-2 같은 AWS 리전 코드를 넣어야 합니다. %q은(는) 쓸 수 없습니다",
	},
	SizingNoteNoCredentials: {
		en: "No AWS credentials were found, so AWS was not asked: the CPU figure is the sample above, not this instance's CloudWatch history, and types and prices come from the built-in catalog. With an instance role (cwsetup iam setup) or a profile, they come from CloudWatch, EC2 and the Price List.",
		ko: "AWS 자격 증명을 찾지 못해 AWS에 묻지 않았습니다. CPU 수치는 이 인스턴스의 CloudWatch 기록이 아니라 위의 측정 표본이고, 유형과 가격은 내장 가격표에서 가져왔습니다. 인스턴스 역할(cwsetup iam setup)이나 프로파일이 있으면 CloudWatch, EC2, Price List에서 가져옵니다.",
	},
})

// The service row of processes that belong to no detected service.
const SizingOtherProcs Key = "sizing.other_procs"

var _ = add(map[Key]text{
	SizingOtherProcs: {en: "other", ko: "기타"},
})
