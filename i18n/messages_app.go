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
		en: "The previous config is kept as:",
		ko: "이전 구성은 여기에 보관했습니다:",
	},
	AppNextNoBack: {
		en: "There was no config before; this file is new:",
		ko: "이전 구성은 없었습니다. 새로 만든 파일:",
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

// The wizard's last screen.
const (
	TUIDoneTitle        Key = "tui.done.title"
	TUIDoneWhy          Key = "tui.done.why"
	TUIDoneOK           Key = "tui.done.ok"
	TUIDoneApplyFailed  Key = "tui.done.apply_failed"
	TUIDoneApplyNext    Key = "tui.done.apply_next"
	TUIDoneVerifyFailed Key = "tui.done.verify_failed"
	TUIDoneVerifyNext   Key = "tui.done.verify_next"
	TUIDoneUnverified   Key = "tui.done.unverified"
)

var _ = add(map[Key]text{
	TUIDoneTitle: {en: "Result and next steps", ko: "결과와 다음 단계"},
	TUIDoneWhy: {
		en: "What this run did, and what to do now. The same text is printed when the wizard ends, for copying.",
		ko: "이번 실행의 결과와 이제 할 일입니다. 마법사를 마치면 같은 내용을 터미널에 다시 출력하니 그대로 복사해 쓰세요.",
	},
	TUIDoneOK: {
		en: "The agent runs this config and the logs arrive in CloudWatch.",
		ko: "에이전트가 이 구성으로 실행 중이고 로그가 CloudWatch에 도착합니다.",
	},
	TUIDoneApplyFailed: {
		en: "The config was not applied.",
		ko: "구성을 적용하지 못했습니다.",
	},
	TUIDoneApplyNext: {
		en: "Fix the cause above, then see what apply would do:",
		ko: "위의 원인을 고친 뒤 apply가 할 일을 미리 보세요:",
	},
	TUIDoneVerifyFailed: {
		en: "The config was applied, but verification failed:",
		ko: "구성은 적용했지만 확인에 실패했습니다:",
	},
	TUIDoneVerifyNext: {
		en: "What to run next (the agent's own log, then verify again with more time):",
		ko: "다음에 실행할 명령(에이전트 자체 로그를 본 뒤 시간을 더 주고 다시 확인):",
	},
	TUIDoneUnverified: {
		en: "The config was applied but not verified yet. Run:",
		ko: "구성은 적용했지만 아직 확인하지 않았습니다. 다음을 실행하세요:",
	},
})
