package i18n

// AWS side: `cwsetup iam policy|setup`, instance facts, AWS errors.
const (
	IAMShort                    Key = "aws.iam.short"
	IAMLong                     Key = "aws.iam.long"
	IAMPolicyShort              Key = "aws.iam.policy.short"
	IAMPolicyLong               Key = "aws.iam.policy.long"
	IAMSetupShort               Key = "aws.iam.setup.short"
	IAMSetupLong                Key = "aws.iam.setup.long"
	FlagRegion                  Key = "aws.flag.region"
	FlagAccount                 Key = "aws.flag.account"
	FlagPrefix                  Key = "aws.flag.prefix"
	FlagIAMFormat               Key = "aws.flag.format"
	FlagIAMPart                 Key = "aws.flag.part"
	FlagRetention               Key = "aws.flag.retention"
	FlagAgentGroups             Key = "aws.flag.agent_creates_groups"
	FlagMetrics                 Key = "aws.flag.metrics"
	FlagDescribeTags            Key = "aws.flag.describe_tags"
	FlagDescribeVolumes         Key = "aws.flag.describe_volumes"
	FlagRoleName                Key = "aws.flag.role_name"
	FlagInstanceID              Key = "aws.flag.instance_id"
	FlagYes                     Key = "aws.flag.yes"
	FlagIAMAnswers              Key = "aws.flag.answers"
	IAMErrAnswersRead           Key = "aws.iam.err.answers_read"
	CredKindInstanceRole        Key = "aws.cred.instance_role"
	CredKindEnv                 Key = "aws.cred.env"
	CredKindProfile             Key = "aws.cred.profile"
	CredKindContainer           Key = "aws.cred.container"
	CredKindWebIdentity         Key = "aws.cred.web_identity"
	DetectEC2                   Key = "aws.detect.ec2"
	DetectEC2Role               Key = "aws.detect.ec2_role"
	DetectEC2NoRole             Key = "aws.detect.ec2_no_role"
	DetectNotEC2                Key = "aws.detect.not_ec2"
	DetectCredentials           Key = "aws.detect.credentials"
	DetectRegionMismatch        Key = "aws.detect.region_mismatch"
	AlarmErrThreshold           Key = "aws.alarm.err.threshold"
	AlarmErrPeriod              Key = "aws.alarm.err.period"
	AlarmErrSNS                 Key = "aws.alarm.err.sns"
	AlarmErrNoGroup             Key = "aws.alarm.err.no_group"
	AlarmPatternsNotImplemented Key = "aws.alarm.patterns_not_implemented"
	AlarmPatternOK              Key = "aws.alarm.pattern_ok"
	AlarmPatternMismatch        Key = "aws.alarm.pattern_mismatch"
	AlarmPatternsSkipped        Key = "aws.alarm.patterns_skipped"
	AlarmPatternsDenied         Key = "aws.alarm.patterns_denied"
	IAMAlarmsNoAuthLog          Key = "aws.alarm.no_auth_log"
	FlagCreateGroups            Key = "aws.flag.create_groups"
	FlagAlarms                  Key = "aws.flag.alarms"
	FlagAlarmGroup              Key = "aws.flag.alarm_log_group"
	FlagAlarmThreshold          Key = "aws.flag.alarm_threshold"
	FlagAlarmPeriod             Key = "aws.flag.alarm_period"
	FlagSNSTopic                Key = "aws.flag.sns_topic"
	IAMErrNeedAnswers           Key = "aws.iam.err.need_answers"
	IAMErrNoAuthGroup           Key = "aws.iam.err.no_auth_group"
	IAMConsoleSteps             Key = "aws.iam.console_steps"
	IAMThisInstance             Key = "aws.iam.this_instance"
	IAMYesWords                 Key = "aws.iam.yes_words"
	CredKindNone                Key = "aws.cred.none"
	NotEC2Disabled              Key = "aws.notec2.disabled"
	NotEC2Refused               Key = "aws.notec2.refused"
	NotEC2Timeout               Key = "aws.notec2.timeout"
	NotEC2Rejected              Key = "aws.notec2.rejected"
	NotEC2Error                 Key = "aws.notec2.error"
	NotEC2Silent                Key = "aws.notec2.ec2_silent"
	DetectEC2NoIMDS             Key = "aws.detect.ec2_no_imds"

	IAMErrBadValue       Key = "aws.iam.err.bad_value"
	IAMHintRegion        Key = "aws.iam.hint.region"
	IAMHintAccount       Key = "aws.iam.hint.account"
	IAMHintPrefix        Key = "aws.iam.hint.prefix"
	IAMHintRoleName      Key = "aws.iam.hint.role_name"
	IAMHintLogGroup      Key = "aws.iam.hint.log_group"
	IAMHintFormat        Key = "aws.iam.hint.format"
	IAMErrNeedRegion     Key = "aws.iam.err.need_region"
	IAMErrNeedAccount    Key = "aws.iam.err.need_account"
	IAMErrNeedInstance   Key = "aws.iam.err.need_instance"
	IAMErrBadPart        Key = "aws.iam.err.bad_part"
	IAMUsing             Key = "aws.iam.using"
	IAMFromIMDS          Key = "aws.iam.from_imds"
	IAMChangeCreated     Key = "aws.iam.change.created"
	IAMChangeUpdated     Key = "aws.iam.change.updated"
	IAMChangeUnchanged   Key = "aws.iam.change.unchanged"
	IAMChangeReplaced    Key = "aws.iam.change.replaced"
	IAMNothingChanged    Key = "aws.iam.nothing_changed"
	IAMDone              Key = "aws.iam.done"
	IAMWaitingProfile    Key = "aws.iam.waiting_profile"
	IAMResRole           Key = "aws.iam.res.role"
	IAMResTrust          Key = "aws.iam.res.trust"
	IAMResPolicy         Key = "aws.iam.res.policy"
	IAMResProfile        Key = "aws.iam.res.profile"
	IAMResProfileRole    Key = "aws.iam.res.profile_role"
	IAMResAssociation    Key = "aws.iam.res.association"
	IAMResLogGroup       Key = "aws.iam.res.log_group"
	IAMResRetention      Key = "aws.iam.res.retention"
	IAMResMetricFilter   Key = "aws.iam.res.metric_filter"
	IAMResAlarm          Key = "aws.iam.res.alarm"
	IAMClassMismatch     Key = "aws.iam.class_mismatch"
	AWSErrAccessDenied   Key = "aws.err.access_denied"
	AWSErrExpired        Key = "aws.err.expired"
	AWSErrBadCredentials Key = "aws.err.bad_credentials"
	AWSErrAlreadyExists  Key = "aws.err.already_exists"
	AWSErrLimitExceeded  Key = "aws.err.limit_exceeded"
	AWSErrIncorrectState Key = "aws.err.incorrect_state"
	AWSErrThrottled      Key = "aws.err.throttled"
	AWSErrNotFound       Key = "aws.err.not_found"
	AWSErrInvalid        Key = "aws.err.invalid"
	AWSErrNetwork        Key = "aws.err.network"
	AWSErrTimeout        Key = "aws.err.timeout"
	AWSErrNoCredentials  Key = "aws.err.no_credentials"
	AWSErrNoRegion       Key = "aws.err.no_region"
	AWSErrOther          Key = "aws.err.other"
	AWSErrBadRetention   Key = "aws.err.bad_retention"
	AWSErrBadClass       Key = "aws.err.bad_class"
)

var _ = add(map[Key]text{
	IAMShort: {
		en: "The agent's least-privilege IAM role: print it or set it up",
		ko: "에이전트용 최소 권한 IAM 역할: 정책 출력 또는 생성",
	},
	IAMLong: {
		en: "The CloudWatch agent needs permission to write logs and metrics. cwsetup gives it an\n" +
			"IAM role, attached to the instance through an instance profile, whose inline policy\n" +
			"allows only what the agent does, only in this region and account, and only for the\n" +
			"log groups under your prefix. No access keys are ever stored on the server.",
		ko: "CloudWatch 에이전트가 로그와 지표를 보내려면 권한이 필요합니다. cwsetup은 인스턴스\n" +
			"프로파일로 인스턴스에 연결되는 IAM 역할을 만들고, 그 인라인 정책에는 에이전트가 실제로\n" +
			"하는 작업만, 이 리전과 계정에서만, 지정한 접두사 아래의 로그 그룹에만 허용합니다.\n" +
			"서버에 액세스 키를 저장하는 일은 없습니다.",
	},
	IAMPolicyShort: {
		en: "Print the least-privilege policy and the EC2 trust policy",
		ko: "최소 권한 정책과 EC2 신뢰 정책 출력",
	},
	IAMPolicyLong: {
		en: "Prints the role's inline policy and its EC2 trust policy on stdout, as JSON (paste\n" +
			"into the IAM console), Terraform or CloudFormation. Region and account default to\n" +
			"this instance's (from IMDSv2); off EC2 pass --region and --account.",
		ko: "역할의 인라인 정책과 EC2 신뢰 정책을 표준 출력에 JSON(IAM 콘솔에 붙여 넣기용),\n" +
			"Terraform 또는 CloudFormation 형식으로 출력합니다. 리전과 계정은 기본적으로 이\n" +
			"인스턴스의 값(IMDSv2)을 쓰며, EC2가 아닌 곳에서는 --region과 --account를 지정하세요.",
	},
	IAMSetupShort: {
		en: "Create or update the role, policy and instance profile and attach it to the instance",
		ko: "역할, 정책, 인스턴스 프로파일을 만들거나 갱신하고 인스턴스에 연결",
	},
	IAMSetupLong: {
		en: "Needs credentials that may administer IAM (an admin shell or CloudShell); cwsetup\n" +
			"never asks for keys and never stores them. First it prints its plan: the role, its\n" +
			"inline policy, the instance profile, the instance's association and, with --answers\n" +
			"FILE, the log groups and the security alarms the file turns on. It changes things\n" +
			"only after you confirm on a terminal, or with --yes; without either it exits 2 and\n" +
			"nothing is changed. An existing role that grants more than cwsetup's policy or trusts\n" +
			"more than EC2 is refused with what it holds (--adopt-role takes it anyway). Running\n" +
			"it again changes nothing and says so.",
		ko: "IAM을 관리할 수 있는 자격 증명(관리자 셸이나 CloudShell)이 필요합니다. cwsetup은 키를\n" +
			"묻거나 저장하지 않습니다. 먼저 계획을 보여 줍니다: 역할, 인라인 정책, 인스턴스 프로파일,\n" +
			"인스턴스 연결, 그리고 --answers 파일을 주면 그 파일이 정한 로그 그룹과 보안 경보까지.\n" +
			"터미널에서 확인하거나 --yes를 준 뒤에만 실제로 바꾸며, 둘 다 없으면 아무것도 바꾸지 않고\n" +
			"종료 코드 2로 끝납니다. 이미 있는 역할에 cwsetup 정책보다 넓은 권한이 있거나 EC2 외의\n" +
			"주체를 신뢰하면 보유 내용을 보여 주고 거부합니다(--adopt-role로 그래도 넘겨받을 수\n" +
			"있습니다). 다시 실행하면 아무것도 바꾸지 않고 그렇게 알려 줍니다.",
	},
	FlagRegion:  {en: "AWS region (default: AWS_REGION, the profile, or the instance's region)", ko: "AWS 리전 (기본값: AWS_REGION, 프로파일, 또는 인스턴스의 리전)"},
	FlagAccount: {en: "AWS account id, 12 digits (default: the instance's account)", ko: "AWS 계정 ID 12자리 (기본값: 인스턴스의 계정)"},
	FlagPrefix:  {en: "log-group name prefix the role may write to", ko: "역할이 쓸 수 있는 로그 그룹 이름 접두사"},
	FlagIAMFormat: {
		en: "output format: json, terraform, cloudformation, or console (the console steps in your language)",
		ko: "출력 형식: json, terraform, cloudformation, console(사용 언어로 된 콘솔 작업 순서) 중 하나",
	},
	FlagIAMPart: {
		en: "with json: all, policy (inline policy only) or trust (trust policy only)",
		ko: "json일 때: all, policy(인라인 정책만), trust(신뢰 정책만) 중 하나",
	},
	FlagRetention: {
		en: "the agent sets each log group's retention (allows logs:PutRetentionPolicy)",
		ko: "에이전트가 로그 그룹의 보존 기간을 설정 (logs:PutRetentionPolicy 허용)",
	},
	FlagAgentGroups: {
		en: "the agent creates missing log groups (allows logs:CreateLogGroup); false when cwsetup creates them",
		ko: "에이전트가 없는 로그 그룹을 생성 (logs:CreateLogGroup 허용). cwsetup이 미리 만들면 false",
	},
	FlagMetrics: {
		en: "the agent sends metrics to the CWAgent namespace (allows cloudwatch:PutMetricData there only)",
		ko: "에이전트가 CWAgent 네임스페이스로 지표 전송 (그 네임스페이스에만 cloudwatch:PutMetricData 허용)",
	},
	FlagDescribeTags: {
		en: "metrics use instance tags or the Auto Scaling group as dimensions (allows ec2:DescribeTags)",
		ko: "지표 차원에 인스턴스 태그나 Auto Scaling 그룹을 사용 (ec2:DescribeTags 허용)",
	},
	FlagDescribeVolumes: {
		en: "disk metrics carry EBS volume ids (allows ec2:DescribeVolumes)",
		ko: "디스크 지표에 EBS 볼륨 ID를 포함 (ec2:DescribeVolumes 허용)",
	},
	FlagRoleName:   {en: "name of the role, instance profile and inline policy", ko: "역할, 인스턴스 프로파일, 인라인 정책의 이름"},
	FlagInstanceID: {en: "instance to attach the role to (default: this instance, from IMDSv2)", ko: "역할을 연결할 인스턴스 (기본값: IMDSv2로 확인한 이 인스턴스)"},
	FlagIAMAnswers: {
		en: "answers file (YAML/JSON): prefix, log groups, retention and metrics come from it; flags given explicitly win",
		ko: "답변 파일(YAML/JSON): 접두사, 로그 그룹, 보존 기간, 지표 설정을 여기서 가져옵니다. 직접 지정한 옵션이 우선합니다",
	},
	IAMErrAnswersRead: {
		en: "cannot read the answers file %s: %s. Check the path (--answers)",
		ko: "답변 파일 %s을(를) 읽을 수 없습니다: %s. 경로(--answers)를 확인하세요",
	},
	DetectEC2:       {en: "EC2: %s (%s) in %s, %s, account %s", ko: "EC2: %s (%s), 리전 %s, 가용 영역 %s, 계정 %s"},
	DetectEC2Role:   {en: "  role attached: %s", ko: "  연결된 역할: %s"},
	DetectEC2NoRole: {en: "  no role attached: cwsetup iam setup attaches a least-privilege one", ko: "  연결된 역할 없음: cwsetup iam setup으로 최소 권한 역할을 연결할 수 있습니다"},
	DetectNotEC2:    {en: "Not an EC2 instance: %s", ko: "EC2 인스턴스가 아님: %s"},
	DetectEC2NoIMDS: {en: "EC2 instance, details unknown: %s", ko: "EC2 인스턴스이지만 세부 정보를 알 수 없음: %s"},
	DetectCredentials: {
		en: "AWS credentials cwsetup would use: %s",
		ko: "cwsetup이 사용할 AWS 자격 증명: %s",
	},
	DetectRegionMismatch: {
		en: "  AWS_REGION or the profile says %s, but the instance is in %s; the agent sends to the instance's region unless told otherwise",
		ko: "  AWS_REGION이나 프로파일은 %s이지만 인스턴스는 %s에 있습니다. 따로 지정하지 않으면 에이전트는 인스턴스의 리전으로 보냅니다",
	},
	AlarmErrThreshold: {
		en: "alarm threshold %d is not valid: use a number of events of 1 or more",
		ko: "경보 임계값 %d이(가) 올바르지 않습니다: 1 이상의 이벤트 수를 쓰세요",
	},
	AlarmErrPeriod: {
		en: "alarm period %d s is not valid: use 10, 30, or a multiple of 60 up to 86400 (e.g. 300 for 5 minutes)",
		ko: "경보 기간 %d초가 올바르지 않습니다: 10, 30 또는 86400 이하의 60의 배수를 쓰세요 (예: 5분이면 300)",
	},
	AlarmErrSNS: {
		en: "%q is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME); leave it empty for no notification",
		ko: "%q은(는) SNS 주제 ARN(arn:aws:sns:리전:계정:이름)이 아닙니다. 알림이 필요 없으면 비워 두세요",
	},
	AlarmPatternsNotImplemented: {
		en: "this CloudWatch Logs endpoint does not implement TestMetricFilter (an emulator such as moto)",
		ko: "이 CloudWatch Logs 엔드포인트는 TestMetricFilter를 지원하지 않습니다(moto 같은 에뮬레이터)",
	},
	AlarmPatternOK: {
		en: "filter pattern %s checked by CloudWatch Logs (logs:TestMetricFilter): it counts exactly the %d sample lines it should, of %d",
		ko: "CloudWatch Logs로 지표 필터 패턴 %s 확인(logs:TestMetricFilter): 세야 할 샘플 %d줄만 셉니다(전체 %d줄)",
	},
	AlarmPatternMismatch: {
		en: "filter pattern %s: CloudWatch Logs counts the sample lines differently than cwsetup expects (%d missed, %d extra, e.g. %q); the alarm may not count what it should. Please report this as a cwsetup bug",
		ko: "지표 필터 패턴 %s: CloudWatch Logs가 샘플 줄을 cwsetup의 예상과 다르게 셉니다(놓침 %d, 초과 %d, 예: %q). 경보가 세야 할 것을 세지 못할 수 있으니 cwsetup 버그로 알려 주세요",
	},
	AlarmPatternsDenied: {
		en: "these credentials may not call logs:TestMetricFilter; allow it to have CloudWatch Logs check the patterns",
		ko: "이 자격 증명으로는 logs:TestMetricFilter를 호출할 수 없습니다. 허용하면 CloudWatch Logs가 패턴을 확인합니다",
	},
	AlarmPatternsSkipped: {
		en: "filter patterns not checked by CloudWatch Logs (skipped): %s",
		ko: "CloudWatch Logs로 지표 필터 패턴을 확인하지 않음(건너뜀): %s",
	},
	AlarmErrNoGroup: {
		en: "log group %s does not exist yet, so its metric filters cannot be created. Let cwsetup create the log groups (--create-groups), or run again after the agent has created it",
		ko: "로그 그룹 %s이(가) 아직 없어 지표 필터를 만들 수 없습니다. cwsetup이 로그 그룹을 만들게 하거나(--create-groups), 에이전트가 그룹을 만든 뒤 다시 실행하세요",
	},
	FlagCreateGroups: {
		en: "create the answers' log groups now, with their retention and class (the role then needs no logs:CreateLogGroup)",
		ko: "답변 파일의 로그 그룹을 보존 기간, 클래스와 함께 지금 생성 (그러면 역할에 logs:CreateLogGroup이 필요 없음)",
	},
	IAMAlarmsNoAuthLog: {
		en: "The answers turn the security alarms on, but none of their logs is an auth log (auth.log, secure, or the journal's auth/authpriv entries): no alarms created",
		ko: "답변 파일에서 보안 경보가 켜져 있지만 인증 로그(auth.log, secure 또는 저널의 auth/authpriv 항목)가 없어 경보를 만들지 않았습니다",
	},
	FlagAlarms: {
		en: "add security alarms: metric filters for failed SSH logins and failed sudo on the auth log group, each with a CloudWatch alarm (with --answers: as its alarms section says, unless this flag is given)",
		ko: "보안 경보 추가: 인증 로그 그룹에 SSH 로그인 실패와 sudo 실패 지표 필터를 만들고 각각 CloudWatch 경보를 설정 (--answers를 주면 이 플래그가 없을 때 답변 파일의 alarms 항목을 따름)",
	},
	FlagAlarmGroup: {
		en: "auth log group for the alarms (default: the auth.log/secure group of the answers)",
		ko: "경보를 걸 인증 로그 그룹 (기본값: 답변 파일의 auth.log/secure 로그 그룹)",
	},
	FlagAlarmThreshold: {
		en: "events per period that raise an alarm (default: 10 for SSH, 3 for sudo)",
		ko: "경보를 울릴 기간당 이벤트 수 (기본값: SSH 10, sudo 3)",
	},
	FlagAlarmPeriod: {en: "alarm period in seconds (10, 30, or a multiple of 60)", ko: "경보 기간(초, 10, 30 또는 60의 배수)"},
	FlagSNSTopic:    {en: "SNS topic ARN to notify when an alarm fires (optional)", ko: "경보가 울릴 때 알릴 SNS 주제 ARN (선택)"},
	IAMErrNeedAnswers: {
		en: "--create-groups and --alarms need the answers file that names the log groups: add --answers FILE (or --alarm-log-group NAME for alarms)",
		ko: "--create-groups와 --alarms에는 로그 그룹이 적힌 답변 파일이 필요합니다: --answers 파일을 지정하세요 (경보만이라면 --alarm-log-group 이름도 됩니다)",
	},
	IAMErrNoAuthGroup: {
		en: "--alarms: the answers ship no auth.log or secure log, so there is nowhere to count failed logins. Add the auth log to the answers, or name its group with --alarm-log-group",
		ko: "--alarms: 답변 파일에 auth.log나 secure 로그가 없어 로그인 실패를 셀 곳이 없습니다. 인증 로그를 답변에 추가하거나 --alarm-log-group으로 그룹을 지정하세요",
	},
	IAMConsoleSteps: {
		en: "Attach a least-privilege role in the AWS console (no access keys on the server):\n\n" +
			"1. IAM console > Roles > Create role. Trusted entity type: AWS service; use case: EC2. Next.\n" +
			"2. Add no managed policy (CloudWatchAgentServerPolicy allows far more). Next.\n" +
			"   Role name: %[1]s. Create role. (The console also creates the instance profile of that name.)\n" +
			"3. Open the role > Permissions > Add permissions > Create inline policy > JSON, replace the editor's\n" +
			"   content with the policy below, Next, policy name: %[1]s, Create policy.\n" +
			"4. EC2 console > Instances > select %[2]s > Actions > Security > Modify IAM role,\n" +
			"   choose %[1]s, Update IAM role.\n" +
			"5. On the instance, `cwsetup detect` shows the role attached (credentials can take a minute).\n\n" +
			"Inline policy (region %[3]s, account %[4]s):\n\n%[5]s",
		ko: "AWS 콘솔에서 최소 권한 역할 연결하기 (서버에 액세스 키를 두지 않습니다):\n\n" +
			"1. IAM 콘솔 > 역할 > 역할 생성. 신뢰할 수 있는 엔터티 유형: AWS 서비스, 사용 사례: EC2. 다음.\n" +
			"2. 관리형 정책은 추가하지 않습니다 (CloudWatchAgentServerPolicy는 훨씬 넓은 권한을 줍니다). 다음.\n" +
			"   역할 이름: %[1]s. 역할 생성. (콘솔이 같은 이름의 인스턴스 프로파일도 만듭니다.)\n" +
			"3. 만든 역할 열기 > 권한 > 권한 추가 > 인라인 정책 생성 > JSON에서 편집기 내용을 아래 정책으로\n" +
			"   바꾸고 다음, 정책 이름: %[1]s, 정책 생성.\n" +
			"4. EC2 콘솔 > 인스턴스 > %[2]s 선택 > 작업 > 보안 > IAM 역할 수정에서\n" +
			"   %[1]s을(를) 고르고 IAM 역할 업데이트.\n" +
			"5. 인스턴스에서 `cwsetup detect`를 실행하면 연결된 역할이 보입니다 (자격 증명이 나타나기까지 1분 정도 걸릴 수 있습니다).\n\n" +
			"인라인 정책 (리전 %[3]s, 계정 %[4]s):\n\n%[5]s",
	},
	IAMThisInstance:      {en: "this instance", ko: "이 인스턴스"},
	IAMYesWords:          {en: "y,yes", ko: "y,yes,예,네,ㅇ"},
	CredKindInstanceRole: {en: "instance role (IMDS)", ko: "인스턴스 역할 (IMDS)"},
	CredKindEnv:          {en: "environment variables", ko: "환경 변수"},
	CredKindProfile:      {en: "AWS profile", ko: "AWS 프로파일"},
	CredKindContainer:    {en: "container credentials", ko: "컨테이너 자격 증명"},
	CredKindWebIdentity:  {en: "web identity", ko: "웹 자격 증명"},
	CredKindNone:         {en: "none found", ko: "찾지 못함"},
	NotEC2Disabled:       {en: "IMDS is disabled by AWS_EC2_METADATA_DISABLED", ko: "AWS_EC2_METADATA_DISABLED로 IMDS가 꺼져 있음"},
	NotEC2Refused:        {en: "nothing answers at the instance metadata address", ko: "인스턴스 메타데이터 주소에 응답하는 곳이 없음"},
	NotEC2Timeout: {
		en: "no answer from instance metadata within 300 ms; in a container on EC2, raise the IMDS hop limit to 2",
		ko: "300ms 안에 인스턴스 메타데이터 응답이 없음. EC2 위의 컨테이너라면 IMDS 홉 제한을 2로 올리세요",
	},
	NotEC2Rejected: {
		en: "instance metadata refused the IMDSv2 token request; metadata access may be turned off for this instance",
		ko: "인스턴스 메타데이터가 IMDSv2 토큰 요청을 거부함. 이 인스턴스의 메타데이터 접근이 꺼져 있을 수 있음",
	},
	NotEC2Error: {en: "instance metadata could not be read", ko: "인스턴스 메타데이터를 읽을 수 없음"},
	NotEC2Silent: {
		en: "the machine says it is an EC2 instance (DMI), but instance metadata did not answer within 5 s: the instance may be overloaded (out of CPU credits), metadata access may be turned off, or in a container the IMDS hop limit is 1. Try again, or pass --instance-id and --region",
		ko: "이 머신은 EC2 인스턴스(DMI)이지만 인스턴스 메타데이터가 5초 안에 응답하지 않음: 인스턴스 부하가 높거나(CPU 크레딧 소진), 메타데이터 접근이 꺼져 있거나, 컨테이너 안에서 IMDS 홉 제한이 1일 수 있음. 다시 시도하거나 --instance-id와 --region을 지정하세요",
	},
	FlagYes: {en: "answer yes to every confirmation (for scripts)", ko: "모든 확인 질문에 예로 답함 (스크립트용)"},

	IAMErrBadValue: {en: "invalid --%s %q: %s", ko: "--%s 값 %q이(가) 올바르지 않습니다: %s"},
	IAMHintRegion:  {en: "use a region name such as ap-northeast-2", ko: "ap-northeast-2 같은 리전 이름을 쓰세요"},
	IAMHintAccount: {en: "use the 12-digit AWS account id", ko: "12자리 AWS 계정 ID를 쓰세요"},
	IAMHintPrefix: {
		en: "a log-group prefix uses letters, digits and _-/.# only (no *), e.g. /ec2/",
		ko: "로그 그룹 접두사에는 영문자, 숫자, _-/.#만 쓸 수 있습니다(* 불가). 예: /ec2/",
	},
	IAMHintRoleName: {
		en: "a role name has up to 64 letters, digits and +=,.@_-",
		ko: "역할 이름은 영문자, 숫자, +=,.@_- 로 64자 이내입니다",
	},
	IAMHintLogGroup: {
		en: "a log group name uses letters, digits and _-/.# only; fix it in the answers file",
		ko: "로그 그룹 이름에는 영문자, 숫자, _-/.#만 쓸 수 있습니다. 답변 파일에서 고치세요",
	},
	IAMHintFormat: {en: "use json, terraform, cloudformation or console", ko: "json, terraform, cloudformation, console 중 하나를 쓰세요"},
	IAMErrNeedRegion: {
		en: "no region: this is not an EC2 instance (%s) and AWS_REGION is not set. Pass --region, e.g. --region ap-northeast-2",
		ko: "리전을 알 수 없습니다: EC2 인스턴스가 아니고(%s) AWS_REGION도 설정되지 않았습니다. --region ap-northeast-2처럼 지정하세요",
	},
	IAMErrNeedAccount: {
		en: "no account id: this is not an EC2 instance (%s). Pass --account with your 12-digit AWS account id",
		ko: "계정 ID를 알 수 없습니다: EC2 인스턴스가 아닙니다(%s). --account로 12자리 AWS 계정 ID를 지정하세요",
	},
	IAMErrNeedInstance: {
		en: "which instance? This is not an EC2 instance (%s). Pass --instance-id i-…, or run cwsetup on the instance itself",
		ko: "어느 인스턴스인지 알 수 없습니다. EC2 인스턴스가 아닙니다(%s). --instance-id i-…를 지정하거나 인스턴스에서 직접 실행하세요",
	},
	IAMErrBadPart: {
		en: "invalid --part %q: use all, policy or trust (with --format json)",
		ko: "--part 값 %q이(가) 올바르지 않습니다: all, policy, trust 중 하나를 쓰세요 (--format json일 때)",
	},
	IAMUsing:           {en: "Account %s, region %s, credentials: %s", ko: "계정 %s, 리전 %s, 자격 증명: %s"},
	IAMFromIMDS:        {en: "This instance: %s (%s) in %s", ko: "이 인스턴스: %s (%s), %s"},
	IAMChangeCreated:   {en: "  + created   %s %s", ko: "  + 생성됨    %s %s"},
	IAMChangeUpdated:   {en: "  ~ updated   %s %s", ko: "  ~ 갱신됨    %s %s"},
	IAMChangeUnchanged: {en: "  = unchanged %s %s", ko: "  = 변경 없음 %s %s"},
	IAMChangeReplaced:  {en: "  ~ replaced  %s %s", ko: "  ~ 교체됨    %s %s"},
	IAMNothingChanged: {
		en: "Nothing to change: everything is already as planned.",
		ko: "바꿀 것이 없습니다: 모두 이미 계획대로 되어 있습니다.",
	},
	IAMDone: {
		en: "Done. The agent on %s can now use role %s (credentials can take a minute to appear on the instance).",
		ko: "완료했습니다. 이제 %s의 에이전트가 역할 %s을(를) 쓸 수 있습니다 (인스턴스에 자격 증명이 나타나기까지 1분 정도 걸릴 수 있습니다).",
	},
	IAMWaitingProfile: {
		en: "The new instance profile is not usable yet (IAM is eventually consistent); retrying for up to 15 s…",
		ko: "새 인스턴스 프로파일이 아직 반영되지 않았습니다(IAM 변경은 전파에 시간이 걸립니다). 최대 15초 동안 다시 시도합니다…",
	},
	IAMResRole:         {en: "role", ko: "역할"},
	IAMResTrust:        {en: "trust policy of", ko: "신뢰 정책:"},
	IAMResPolicy:       {en: "inline policy", ko: "인라인 정책"},
	IAMResProfile:      {en: "instance profile", ko: "인스턴스 프로파일"},
	IAMResProfileRole:  {en: "role in instance profile", ko: "인스턴스 프로파일의 역할"},
	IAMResAssociation:  {en: "association", ko: "인스턴스 연결"},
	IAMResLogGroup:     {en: "log group", ko: "로그 그룹"},
	IAMResRetention:    {en: "retention of", ko: "보존 기간:"},
	IAMResMetricFilter: {en: "metric filter", ko: "지표 필터"},
	IAMResAlarm:        {en: "alarm", ko: "경보"},
	IAMClassMismatch: {
		en: "log group %s exists with class %s, not %s; the class cannot be changed after creation (delete and recreate the group, or keep it)",
		ko: "로그 그룹 %s은(는) 이미 %s 클래스로 있어 %s(으)로 바꿀 수 없습니다. 생성 후에는 클래스를 바꿀 수 없습니다 (그룹을 삭제 후 다시 만들거나 그대로 두세요)",
	},

	AWSErrAccessDenied: {
		en: "AWS denied %s (%s): the credentials in use may not do this. Run cwsetup from an admin shell or CloudShell, or ask an administrator to allow:\n%s\nand, for log groups and alarms:\n%s",
		ko: "AWS가 %s 요청을 거부했습니다(%s): 지금 쓰는 자격 증명에는 이 권한이 없습니다. 관리자 셸이나 CloudShell에서 cwsetup을 실행하거나, 관리자에게 다음 권한을 요청하세요:\n%s\n로그 그룹과 경보까지 설정하려면:\n%s",
	},
	AWSErrExpired: {
		en: "%s: the credentials have expired (%s). Sign in again (aws sso login, or a new CloudShell session) and rerun",
		ko: "%s: 자격 증명이 만료되었습니다(%s). 다시 로그인(aws sso login 또는 새 CloudShell 세션)한 뒤 다시 실행하세요",
	},
	AWSErrBadCredentials: {
		en: "%s: AWS does not recognise the credentials (%s). Check the profile or environment in use; cwsetup itself never stores keys",
		ko: "%s: AWS가 자격 증명을 인식하지 못합니다(%s). 사용 중인 프로파일이나 환경 변수를 확인하세요. cwsetup은 키를 저장하지 않습니다",
	},
	AWSErrAlreadyExists: {
		en: "%s: it already exists (%s). If something else created it, choose another name with --role-name",
		ko: "%s: 이미 존재합니다(%s). 다른 곳에서 만든 것이라면 --role-name으로 다른 이름을 지정하세요",
	},
	AWSErrLimitExceeded: {
		en: "%s: an AWS limit was reached (%s). An instance profile holds one role only: remove the other role from it, or use another --role-name",
		ko: "%s: AWS 한도에 도달했습니다(%s). 인스턴스 프로파일에는 역할을 하나만 넣을 수 있습니다. 다른 역할을 빼거나 --role-name으로 다른 이름을 쓰세요",
	},
	AWSErrIncorrectState: {
		en: "%s: the instance is not in a state that allows this (%s). It may already have an association being changed, or be stopping. Wait until it is running and run again",
		ko: "%s: 인스턴스가 이 작업을 할 수 있는 상태가 아닙니다(%s). 연결이 바뀌는 중이거나 인스턴스가 중지 중일 수 있습니다. 실행 중 상태가 되면 다시 실행하세요",
	},
	AWSErrThrottled: {
		en: "%s: AWS is throttling requests (%s). Wait a minute and run again; nothing is half-done, cwsetup continues where it stopped",
		ko: "%s: AWS가 요청을 제한하고 있습니다(%s). 1분쯤 기다렸다가 다시 실행하세요. 중간 상태는 남지 않으며 멈춘 곳부터 이어서 진행합니다",
	},
	AWSErrNotFound: {
		en: "%s: not found (%s). Check the name or id (--role-name, --instance-id) and the region",
		ko: "%s: 찾을 수 없습니다(%s). 이름이나 ID(--role-name, --instance-id)와 리전을 확인하세요",
	},
	AWSErrInvalid: {
		en: "%s: AWS rejected a value (%s: %s). Check the flags; if it persists, report it as a cwsetup bug",
		ko: "%s: AWS가 값을 거부했습니다(%s: %s). 옵션을 확인하고, 계속되면 cwsetup 버그로 알려 주세요",
	},
	AWSErrNetwork: {
		en: "%s: cannot reach AWS (%s). Check the network, proxy settings or VPC endpoints",
		ko: "%s: AWS에 연결할 수 없습니다(%s). 네트워크, 프록시 설정, VPC 엔드포인트를 확인하세요",
	},
	AWSErrTimeout: {
		en: "%s: AWS did not answer in time. Something between here and AWS accepts connections but does not reply: check AWS_ENDPOINT_URL, the proxy settings (HTTPS_PROXY) and VPC endpoints, then run cwsetup again",
		ko: "%s: AWS가 제때 응답하지 않았습니다. 연결은 되지만 응답이 없습니다: AWS_ENDPOINT_URL, 프록시 설정(HTTPS_PROXY), VPC 엔드포인트를 확인한 뒤 cwsetup을 다시 실행하세요",
	},
	AWSErrNoCredentials: {
		en: "no AWS credentials found. cwsetup never asks for access keys: run it in CloudShell, from a shell with an AWS profile (aws configure, aws sso login), or on an instance with a role",
		ko: "AWS 자격 증명을 찾지 못했습니다. cwsetup은 액세스 키를 묻지 않습니다: CloudShell이나 AWS 프로파일이 설정된 셸(aws configure, aws sso login)에서, 또는 역할이 연결된 인스턴스에서 실행하세요",
	},
	AWSErrNoRegion: {
		en: "no AWS region: set AWS_REGION or pass --region (on EC2 cwsetup reads it from the instance)",
		ko: "AWS 리전을 알 수 없습니다: AWS_REGION을 설정하거나 --region을 지정하세요 (EC2에서는 인스턴스에서 읽어 옵니다)",
	},
	AWSErrOther: {en: "%s failed: %s", ko: "%s 실패: %s"},
	AWSErrBadRetention: {
		en: "retention %d days is not a value CloudWatch Logs accepts; use one of %s",
		ko: "보존 기간 %d일은 CloudWatch Logs가 허용하는 값이 아닙니다. 다음 중 하나를 쓰세요: %s",
	},
	AWSErrBadClass: {
		en: "log group class %q is not valid; use STANDARD or INFREQUENT_ACCESS",
		ko: "로그 그룹 클래스 %q이(가) 올바르지 않습니다. STANDARD 또는 INFREQUENT_ACCESS를 쓰세요",
	},
})
