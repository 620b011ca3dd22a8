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

	SizingHdrMemory        Key = "sizing.hdr.memory"
	SizingHdrCPU           Key = "sizing.hdr.cpu"
	SizingHdrCPUNone       Key = "sizing.hdr.cpu_none"
	SizingHdrServices      Key = "sizing.hdr.services"
	SizingColService       Key = "sizing.col.service"
	SizingColProcs         Key = "sizing.col.processes"
	SizingColPSS           Key = "sizing.col.pss"
	SizingColChild         Key = "sizing.col.child"
	SizingColExact         Key = "sizing.col.exact"
	SizingYes              Key = "sizing.yes"
	SizingNo               Key = "sizing.no"
	SizingHdrBudget        Key = "sizing.hdr.budget"
	SizingBudgetOS         Key = "sizing.budget.os_reserve"
	SizingBudgetCache      Key = "sizing.budget.cache_headroom"
	SizingBudgetUnassigned Key = "sizing.budget.unassigned"
	SizingBudgetTotal      Key = "sizing.budget.total"
	SizingHdrRecs          Key = "sizing.hdr.recommendations"
	SizingNoRecs           Key = "sizing.no_recommendations"
	SizingRecSummary       Key = "sizing.rec_summary"
	SizingSevOK            Key = "sizing.sev.ok"
	SizingSevWarn          Key = "sizing.sev.warn"
	SizingSevDanger        Key = "sizing.sev.danger"
	SizingRecLine          Key = "sizing.rec.line"
	SizingDefaultMark      Key = "sizing.rec.default"
	SizingUnknown          Key = "sizing.rec.unknown"
	SizingHdrInstances     Key = "sizing.hdr.instances"
	SizingColType          Key = "sizing.col.type"
	SizingColVCPU          Key = "sizing.col.vcpu"
	SizingColMemory        Key = "sizing.col.memory"
	SizingColBaseline      Key = "sizing.col.baseline"
	SizingColHourly        Key = "sizing.col.hourly"
	SizingColOD3           Key = "sizing.col.od3"
	SizingColRI1           Key = "sizing.col.ri1"
	SizingColRI3           Key = "sizing.col.ri3"
	SizingInstLegend       Key = "sizing.inst_legend"
	SizingNoInstances      Key = "sizing.no_instances"
	SizingServerLine       Key = "sizing.server_line"
	SizingCatalogLine      Key = "sizing.catalog_line"
	SizingSourceHand       Key = "sizing.source.hand"
	SizingSourcePriceList  Key = "sizing.source.price_list"
	SizingEstimateMark     Key = "sizing.estimate_mark"
	SizingHdrNotes         Key = "sizing.hdr.notes"

	SizingTailOK            Key = "sizing.tail.ok"
	SizingTailRaise         Key = "sizing.tail.raise"
	SizingTailWarn          Key = "sizing.tail.warn"
	SizingTailDanger        Key = "sizing.tail.danger"
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
	SizingNoteNoBurstable   Key = "sizing.note.no_burstable"
	SizingNoteEstimates     Key = "sizing.note.estimates"
	SizingNoteArm           Key = "sizing.note.arm"
)

var _ = add(map[Key]text{
	SizingShort: {
		en: "Where the memory goes, which limits fit, which instance would fit better",
		ko: "메모리 사용처, 알맞은 서비스 한도, 더 알맞은 인스턴스 유형",
	},
	SizingLong: {
		en: "cwsetup sizing measures this host: memory per service (PSS from /proc, so the\n" +
			"shared pages of forked workers are counted once), CPU use over a short sample,\n" +
			"and the current limits of Apache, PHP-FPM, MySQL/MariaDB and Tomcat. It prints a\n" +
			"memory budget, the value that fits for each limit with the reasoning, and the\n" +
			"smallest instance types that fit, priced from a dated catalog built into cwsetup\n" +
			"(no network access). Run it as root: other users' process memory needs it.",
		ko: "cwsetup sizing은 이 호스트를 측정합니다. 서비스별 메모리(/proc의 PSS 기준이라\n" +
			"fork된 워커가 공유하는 페이지를 한 번만 셉니다), 짧은 구간의 CPU 사용률, 그리고\n" +
			"Apache, PHP-FPM, MySQL/MariaDB, Tomcat의 현재 한도를 읽습니다. 그 결과로 메모리\n" +
			"예산, 한도별 알맞은 값과 그 근거, 들어맞는 가장 작은 인스턴스 유형을 보여 줍니다.\n" +
			"가격은 cwsetup에 내장된 날짜가 표시된 가격표에서 가져옵니다(네트워크 접속 없음).\n" +
			"다른 사용자 프로세스의 메모리를 읽으려면 root로 실행하세요.",
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
		ko: "%s에는 0 이상의 USD 금액을 넣어야 합니다. %q는 쓸 수 없습니다 (예: --server-price 4500)",
	},
	SizingErrBadSample: {
		en: "--sample must be between 0s and 60s, not %s (example: --sample 2s)",
		ko: "--sample은 0초에서 60초 사이여야 합니다. %s는 쓸 수 없습니다 (예: --sample 2s)",
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
	SizingHdrCPU: {
		en: "CPU: %d vCPU, %.1f%% busy over %.1f s (%.2f vCPU in use)",
		ko: "CPU: vCPU %d개, %.1f%% 사용 (측정 %.1f초, vCPU %.2f개 분량)",
	},
	SizingHdrCPUNone:  {en: "CPU: %d vCPU, use not sampled", ko: "CPU: vCPU %d개, 사용률은 측정하지 않음"},
	SizingHdrServices: {en: "Where the memory goes (PSS)", ko: "메모리 사용처 (PSS)"},
	SizingColService:  {en: "service", ko: "서비스"},
	SizingColProcs:    {en: "processes", ko: "프로세스"},
	SizingColPSS:      {en: "PSS MB", ko: "PSS MB"},
	SizingColChild:    {en: "per child MB", ko: "자식당 MB"},
	SizingColExact:    {en: "exact", ko: "정확"},
	SizingYes:         {en: "yes", ko: "예"},
	SizingNo:          {en: "no (RSS)", ko: "아니요(RSS)"},
	SizingHdrBudget:   {en: "Memory budget", ko: "메모리 예산"},
	SizingBudgetOS:    {en: "kernel/OS reserve", ko: "커널/OS 예비분"},
	SizingBudgetCache: {en: "file-cache headroom", ko: "파일 캐시 여유분"},
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
		en: "  %d danger, %d to check, %d fine",
		ko: "  위험 %d건, 주의 %d건, 적정 %d건",
	},
	SizingSevOK:     {en: "ok", ko: "적정"},
	SizingSevWarn:   {en: "warn", ko: "주의"},
	SizingSevDanger: {en: "DANGER", ko: "위험"},
	SizingRecLine: {
		en: "%s %s: now %s, recommended %s",
		ko: "%s %s: 현재 %s, 권장 %s",
	},
	SizingDefaultMark: {en: "%s (default)", ko: "%s (기본값)"},
	SizingUnknown:     {en: "unknown", ko: "알 수 없음"},
	SizingHdrInstances: {
		en: "Instance types that fit: %d MB of memory (%d MB used now, plus 25 %% headroom or the %d MB Apache/PHP-FPM may grow to within their limits, whichever is more) and %.2f vCPU of sustained CPU",
		ko: "들어맞는 인스턴스 유형: 메모리 %d MB (지금 사용 중인 %d MB에 25%% 여유분, 또는 Apache/PHP-FPM이 한도 안에서 더 늘어날 수 있는 %d MB 중 큰 쪽을 더한 값), 지속 CPU vCPU %.2f개",
	},
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
	SizingWhyPreforkMRW: {
		en: "Each prefork child uses %.1f MB (PSS, average of %d children). After the OS reserve, the file cache and the other services, Apache's children can use %d MB, so %d workers fit: about %d–%d users at once, since a browser opens 6–8 connections. The current %d workers need %d MB. %s",
		ko: "prefork 자식 프로세스 하나가 %.1f MB를 씁니다(PSS, 자식 %d개 평균). OS 예비분, 파일 캐시, 다른 서비스를 빼면 Apache 자식들이 쓸 수 있는 메모리는 %d MB이므로 워커 %d개가 들어갑니다. 브라우저 하나가 연결을 6~8개 열기 때문에 동시 사용자 약 %d~%d명 분량입니다. 현재 워커 %d개에는 %d MB가 필요합니다. %s",
	},
	SizingWhyThreadedMRW: {
		en: "With the %s MPM memory grows per child process, not per thread: each uses %.1f MB (PSS, average of %d). Apache's children can use %d MB, so %d processes × ThreadsPerChild %d = %d workers fit: about %d–%d users at once (6–8 connections per browser). The current %d workers need %d processes, %d MB. %s",
		ko: "%s MPM에서는 메모리가 스레드가 아니라 자식 프로세스 단위로 늘어납니다. 하나가 %.1f MB를 씁니다(PSS, %d개 평균). Apache 자식들이 쓸 수 있는 메모리는 %d MB이므로 프로세스 %d개 × ThreadsPerChild %d = 워커 %d개가 들어갑니다. 브라우저당 연결 6~8개 기준으로 동시 사용자 약 %d~%d명입니다. 현재 워커 %d개에는 프로세스 %d개, %d MB가 필요합니다. %s",
	},
	SizingWhyServerLimitPrefork: {
		en: "With prefork, ServerLimit caps MaxRequestWorkers (now %d, ServerLimit %d): keep it equal to or above MaxRequestWorkers. Prefork's hard maximum is %d.",
		ko: "prefork에서는 ServerLimit이 MaxRequestWorkers(현재 %d, ServerLimit %d)의 상한입니다. MaxRequestWorkers 이상으로 맞추세요. prefork의 최대값은 %d입니다.",
	},
	SizingWhyServerLimitLow: {
		en: "MaxRequestWorkers is %d but ServerLimit is %d, so Apache silently starts no more than ServerLimit children. Set ServerLimit equal to MaxRequestWorkers (prefork's hard maximum is %d).",
		ko: "MaxRequestWorkers는 %d인데 ServerLimit이 %d라서 Apache는 경고 없이 ServerLimit만큼만 자식을 띄웁니다. ServerLimit을 MaxRequestWorkers와 같게 맞추세요(prefork 최대값 %d).",
	},
	SizingWhyServerLimitThreaded: {
		en: "With worker/event, ServerLimit is the number of child processes: MaxRequestWorkers ÷ ThreadsPerChild (%d) = %d.",
		ko: "worker/event에서 ServerLimit은 자식 프로세스 수입니다: MaxRequestWorkers ÷ ThreadsPerChild(%d) = %d.",
	},
	SizingWhyMCPC: {
		en: "Replacing a child after %d connections (about 5000 for prefork, 50000 for worker/event) keeps memory leaks from growing without bound. %s",
		ko: "연결 %d개를 처리한 자식 프로세스를 교체하면(prefork는 약 5000, worker/event는 약 50000) 메모리 누수가 끝없이 커지는 것을 막습니다. %s",
	},
	SizingWhyFPMMaxChildren: {
		en: "Each PHP-FPM child uses %.1f MB (PSS, average of %d children). PHP-FPM's children can use %d MB here, so pm.max_children %d fits. The current %d children need %d MB. %s",
		ko: "PHP-FPM 자식 프로세스 하나가 %.1f MB를 씁니다(PSS, 자식 %d개 평균). 이 서버에서 PHP-FPM 자식들이 쓸 수 있는 메모리는 %d MB이므로 pm.max_children %d가 적당합니다. 현재 자식 %d개에는 %d MB가 필요합니다. %s",
	},
	SizingWhyFPMPM: {
		en: "pm = static keeps every child running all the time; dynamic keeps a few spare ones; ondemand starts children only when requests come, which saves memory on small servers (this one has %d MB).",
		ko: "pm = static은 모든 자식을 항상 띄워 두고, dynamic은 여분 몇 개만 유지하며, ondemand는 요청이 올 때만 자식을 띄워 작은 서버에서 메모리를 아낍니다(이 서버는 %d MB).",
	},
	SizingWhyBufferPoolShared: {
		en: "Beside the other services' measured use, MySQL can use %d MB. The buffer pool (%d MB) plus per-connection buffers (%.1f MB × max_connections %d) reach %d MB at the worst; a buffer pool of %d MB with max_connections %d stays inside the budget. %s",
		ko: "다른 서비스의 측정 사용량을 빼면 MySQL이 쓸 수 있는 메모리는 %d MB입니다. 버퍼 풀(%d MB)과 연결별 버퍼(%.1f MB × max_connections %d)를 합치면 최악의 경우 %d MB가 됩니다. 버퍼 풀 %d MB, max_connections %d이면 예산 안에 들어갑니다. %s",
	},
	SizingWhyBufferPoolDedicated: {
		en: "This is a database server: MySQL can use %d MB. Now the buffer pool (%d MB) plus per-connection buffers (%.1f MB × max_connections %d) reach %d MB at the worst. About three quarters of what is left for it, %d MB (with max_connections %d), lets InnoDB keep more data in memory. %s",
		ko: "이 서버는 DB 전용 서버라 MySQL이 %d MB를 쓸 수 있습니다. 지금 버퍼 풀(%d MB)과 연결별 버퍼(%.1f MB × max_connections %d)를 합치면 최악의 경우 %d MB입니다. 남는 메모리의 약 3/4인 %d MB를 버퍼 풀로 주면(max_connections %d 기준) InnoDB가 더 많은 데이터를 메모리에 둘 수 있습니다. %s",
	},
	SizingWhyMaxConnections: {
		en: "Each connection can take %.1f MB of its own buffers (read, sort, join, thread stack, binlog cache); %d connections can take %d MB together. Match it to what the application really opens (web workers plus a margin), not a number from the web.",
		ko: "연결 하나가 자체 버퍼(read, sort, join, 스레드 스택, binlog 캐시)로 %.1f MB까지 씁니다. 연결 %d개면 합쳐서 %d MB입니다. 인터넷에서 본 숫자가 아니라 애플리케이션이 실제로 여는 연결 수(웹 워커 수 + 여유분)에 맞추세요.",
	},
	SizingWhyMaxConnectionsWeb: {
		en: "The web tier can run %d PHP workers at once and each can hold a database connection, but max_connections is %d: at peak the extra requests fail with \"Too many connections\". %d leaves a margin for cron jobs and admins (each connection can take %.1f MB of its own buffers, which the budget allows).",
		ko: "웹 계층은 PHP 워커를 동시에 %d개까지 띄울 수 있고 워커마다 DB 연결을 하나씩 잡을 수 있는데, max_connections는 %d입니다. 최대 부하에서는 넘치는 요청이 \"Too many connections\" 오류로 실패합니다. %d이면 cron 작업과 관리자용 여유분까지 들어갑니다(연결 하나가 자체 버퍼로 %.1f MB까지 쓰며, 예산 안에 들어갑니다).",
	},
	SizingWhyXmx: {
		en: "Tomcat can use %d MB here. The heap (-Xmx) should be about 60%% of that, %d MB, because the JVM needs a quarter more for metaspace and code cache, plus 1 MB per thread. Now -Xmx %d MB with %d threads needs about %d MB. %s",
		ko: "이 서버에서 Tomcat이 쓸 수 있는 메모리는 %d MB입니다. 힙(-Xmx)은 그 60%% 정도인 %d MB가 알맞습니다. JVM은 메타스페이스와 코드 캐시로 힙의 1/4 정도를 더 쓰고, 스레드마다 1 MB가 듭니다. 지금 -Xmx %d MB, 스레드 %d개면 약 %d MB가 필요합니다. %s",
	},
	SizingWhyMaxThreads: {
		en: "Each connector thread can hold a %.0f MB stack, counted in Tomcat's need above; %d threads fit beside the heap. More threads than the CPUs can serve only queue requests in memory.",
		ko: "커넥터 스레드마다 스택 %.0f MB를 쓸 수 있고, 위의 Tomcat 필요량에 포함됩니다. 힙 옆에 들어가는 스레드는 %d개입니다. CPU가 처리할 수 있는 것보다 스레드가 많으면 요청이 메모리에서 기다릴 뿐입니다.",
	},

	SizingNoteRSSFallback: {
		en: "PSS was not readable for: %s (reading other users' processes needs root). RSS was used instead; it counts the pages forked workers share once per process, so these figures are too high. Run with sudo for exact ones.",
		ko: "다음 서비스는 PSS를 읽을 수 없었습니다: %s (다른 사용자의 프로세스는 root 권한이 필요합니다). 대신 RSS를 썼는데, RSS는 fork된 워커들이 공유하는 페이지를 프로세스마다 중복해서 세므로 실제보다 크게 나옵니다. 정확한 값은 sudo로 실행해서 확인하세요.",
	},
	SizingNoteConfigProblem: {
		en: "A configuration file could not be read fully, so a default was assumed: %s",
		ko: "구성 파일을 모두 읽지 못해 기본값을 가정했습니다: %s",
	},
	SizingNoteNoCPU: {
		en: "CPU use was not sampled, so burstable types (t3/t3a/t4g) are not suggested: without a CPU figure cwsetup cannot tell whether their baseline is enough.",
		ko: "CPU 사용률을 측정하지 않아 버스트 가능 유형(t3/t3a/t4g)은 제안하지 않습니다. CPU 수치가 없으면 기준 성능으로 충분한지 판단할 수 없습니다.",
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
		en: "Burstable types (t3/t3a/t4g) earn CPU credits at their baseline (the percentage above) and spend them when busier. They start in unlimited mode (t2 in standard mode, which slows the CPU down instead). In unlimited mode, running above the baseline for long costs extra: USD %.2f per vCPU-hour for t3/t3a, USD %.2f for t4g. An abandoned or compromised instance (crypto mining) running at 100%% on 2 vCPUs adds about USD %.0f a month — watch CPUUtilization and CPUSurplusCreditsCharged.",
		ko: "버스트 가능 유형(t3/t3a/t4g)은 위 표의 기준 성능만큼 CPU 크레딧을 쌓고, 그보다 바쁠 때 크레딧을 씁니다. 처음부터 무제한(unlimited) 모드로 시작합니다(t2는 표준 모드라 대신 CPU가 느려집니다). 무제한 모드에서 기준 성능을 오래 넘기면 추가 요금이 붙습니다: t3/t3a는 vCPU-시간당 USD %.2f, t4g는 USD %.2f. 방치되었거나 침해당한 인스턴스(암호화폐 채굴)가 vCPU 2개로 100%% 돌면 한 달에 약 USD %.0f의 추가 요금이 나옵니다. CPUUtilization과 CPUSurplusCreditsCharged 지표를 지켜보세요.",
	},
	SizingNoteNoBurstable: {
		en: "The CPU sample (%.2f vCPU busy) is above the baseline of the burstable types that fit, so they would run out of credits or bill for surplus credits; general purpose (m), compute (c) or memory (r) types fit better.",
		ko: "CPU 측정값(vCPU %.2f개 사용)이 들어맞는 버스트 가능 유형의 기준 성능보다 높아서 크레딧이 바닥나거나 초과 크레딧 요금이 붙습니다. 범용(m), 컴퓨팅 최적화(c), 메모리 최적화(r) 유형이 더 알맞습니다.",
	},
	SizingNoteArm: {
		en: "t4g types run on AWS Graviton (Arm): moving there needs an arm64 AMI and arm64 builds of everything installed; cwsetup itself ships for both.",
		ko: "t4g 유형은 AWS Graviton(Arm) 프로세서입니다. 옮기려면 arm64 AMI와 설치된 모든 소프트웨어의 arm64 빌드가 필요합니다. cwsetup은 두 아키텍처를 모두 지원합니다.",
	},
	SizingNoteEstimates: {
		en: "Some prices are estimates (marked ≈). Reserved Instance and Savings Plan figures are no-upfront rules of thumb; on-demand figures were read from published price tables.",
		ko: "일부 가격은 추정치(≈ 표시)입니다. 예약 인스턴스와 Savings Plans 가격은 선결제 없음 기준의 어림값이고, 온디맨드 가격은 공개된 요금표에서 읽은 값입니다.",
	},
})
