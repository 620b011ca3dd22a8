package i18n

// Fleet: command output to CloudWatch Logs and notifications to SNS.
const (
	FleetFlagOutputGroup   Key = "fleet.flag.output_group"
	FleetFlagNotifySNS     Key = "fleet.flag.notify_sns"
	FleetFlagNotifyRole    Key = "fleet.flag.notify_role"
	FleetErrBadOutputGroup Key = "fleet.err.bad_output_group"
	FleetErrNotifyPair     Key = "fleet.err.notify_pair"
	FleetErrBadNotify      Key = "fleet.err.bad_notify"
	FleetErrOutputSchedule Key = "fleet.err.output_schedule"
	FleetAppOutputGroup    Key = "fleet.app.output_group"
	FleetAppNotify         Key = "fleet.app.notify"
)

var _ = add(map[Key]text{
	FleetFlagOutputGroup: {
		en: "also send each instance's command output to this CloudWatch Logs group (the instance role needs logs:CreateLogGroup, CreateLogStream, PutLogEvents, DescribeLogGroups, DescribeLogStreams on it)",
		ko: "각 인스턴스의 명령 출력을 이 CloudWatch Logs 그룹에도 보내기 (인스턴스 역할에 그 그룹의 logs:CreateLogGroup, CreateLogStream, PutLogEvents, DescribeLogGroups, DescribeLogStreams 필요)",
	},
	FleetFlagNotifySNS: {
		en: "SNS topic ARN notified when the command succeeds, fails, times out or is cancelled (with --notify-role)",
		ko: "명령이 성공, 실패, 시간 초과, 취소될 때 알릴 SNS 주제 ARN (--notify-role과 함께)",
	},
	FleetFlagNotifyRole: {
		en: "IAM role ARN Systems Manager assumes to publish to --notify-sns (sns:Publish on the topic)",
		ko: "Systems Manager가 --notify-sns에 게시할 때 맡는 IAM 역할 ARN (주제에 대한 sns:Publish)",
	},
	FleetErrBadOutputGroup: {
		en: "invalid --output-log-group %q: 1–512 letters, digits and . - _ / #",
		ko: "잘못된 --output-log-group %q: 영문자, 숫자, . - _ / # 로 1~512자여야 합니다",
	},
	FleetErrNotifyPair: {
		en: "--notify-sns and --notify-role go together: Systems Manager publishes to the topic with that role",
		ko: "--notify-sns와 --notify-role은 함께 지정해야 합니다: Systems Manager가 그 역할로 주제에 게시합니다",
	},
	FleetErrBadNotify: {
		en: "invalid notification: --notify-sns %q must be an SNS topic ARN and --notify-role %q an IAM role ARN",
		ko: "잘못된 알림 설정: --notify-sns에는 SNS 주제 ARN(%q), --notify-role에는 IAM 역할 ARN(%q)을 지정해야 합니다",
	},
	FleetErrOutputSchedule: {
		en: "--output-log-group and --notify-sns apply to a command; a State Manager association (--schedule) takes neither",
		ko: "--output-log-group과 --notify-sns는 명령에만 쓸 수 있습니다. 상태 관리자 연결(--schedule)에는 쓸 수 없습니다",
	},
	FleetAppOutputGroup: {
		en: "  command output: also to CloudWatch Logs group %s (streams <command-id>/<instance-id>/…)",
		ko: "  명령 출력: CloudWatch Logs 그룹 %s에도 보냄 (스트림 <명령 ID>/<인스턴스 ID>/…)",
	},
	FleetAppNotify: {
		en: "  notifications: SNS %s (role %s) when the command succeeds, fails, times out or is cancelled",
		ko: "  알림: 명령이 성공, 실패, 시간 초과, 취소되면 SNS %s로 (역할 %s)",
	},
})
