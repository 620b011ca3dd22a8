package i18n

// The application layer (app/): what a job says when a port is missing.
const (
	AppErrNoLogsPort Key = "app.err.no_logs_port"
)

var _ = add(map[Key]text{
	AppErrNoLogsPort: {
		en: "CloudWatch Logs cannot be reached from this build",
		ko: "이 빌드에서는 CloudWatch Logs에 연결할 수 없습니다",
	},
})

// After a failed verify and after a good one, in the commands' text.
const (
	AppVerifyRetry Key = "app.verify.retry"
	AppNextHeader  Key = "app.next.header"
	AppNextConsole Key = "app.next.console"
	AppNextTail    Key = "app.next.tail"
	AppNextBackup  Key = "app.next.backup"
	AppNextNoBack  Key = "app.next.no_backup"
	AppNextUndo    Key = "app.next.undo"
)

var _ = add(map[Key]text{
	AppVerifyRetry: {
		en: "What to run next (the agent's own log, then verify again with more time):",
		ko: "다음에 실행할 명령(에이전트 자체 로그를 본 뒤 시간을 더 주고 다시 확인):",
	},
	AppNextHeader: {en: "Next steps:", ko: "다음 단계:"},
	AppNextConsole: {
		en: "Log groups in the console (%s):",
		ko: "콘솔의 로그 그룹(%s):",
	},
	AppNextTail: {
		en: "Watch events arrive:",
		ko: "이벤트가 도착하는 모습 보기:",
	},
	AppNextBackup: {
		en: "The previous config is saved as %s.",
		ko: "이전 구성은 %s 에 저장해 두었습니다.",
	},
	AppNextNoBack: {
		en: "There was no config before; %s is new.",
		ko: "이전 구성이 없었습니다. 새로 만든 파일: %s",
	},
	AppNextUndo: {
		en: "To undo:",
		ko: "되돌리려면:",
	},
})

// The wizard's screens over the application layer's results.
const (
	TUIReviewProblems Key = "tui.review.problems"
)

var _ = add(map[Key]text{
	TUIReviewProblems: {
		en: "apply would refuse this config (%d problems); go back and change the answers:",
		ko: "이 구성은 적용할 수 없습니다(문제 %d개). 돌아가서 답을 바꾸세요:",
	},
})
