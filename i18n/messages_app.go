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
		ko: "위의 원인을 고친 뒤, 적용하면 무엇이 바뀌는지 미리 보세요:",
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

// The IAM screen's policy: copy-safe (saved to a file, or shown alone).
const (
	TUIIAMChoiceSave  Key = "tui.iam.choice_save"
	TUIIAMChoiceView  Key = "tui.iam.choice_view"
	TUIIAMChoiceSteps Key = "tui.iam.choice_steps"
	TUIIAMPolicySaved Key = "tui.iam.policy_saved"
	TUIIAMViewHead    Key = "tui.iam.view_head"
	TUIIAMPolicyWide  Key = "tui.iam.policy_wide"
	TUIIAMCannotSave  Key = "tui.iam.cannot_save"
	TUIIAMErrSave     Key = "tui.iam.err_save"
)

var _ = add(map[Key]text{
	TUIIAMChoiceSave: {
		en: "Save the policy JSON to a file (to paste in the console)",
		ko: "정책 JSON을 파일로 저장하기 (콘솔에 붙여 넣을 내용)",
	},
	TUIIAMChoiceView: {
		en: "Show the policy JSON alone, for copying",
		ko: "복사하기 쉽게 정책 JSON만 보기",
	},
	TUIIAMChoiceSteps: {
		en: "Show the console steps again",
		ko: "콘솔 안내 다시 보기",
	},
	TUIIAMPolicySaved: {
		en: "Policy saved; in step 3 paste this file's content (cat it) into the JSON editor:",
		ko: "정책을 저장했습니다. 3단계에서 이 파일의 내용(cat으로 출력)을 JSON 편집기에 붙여 넣으세요:",
	},
	TUIIAMViewHead: {
		en: "The inline policy, exactly as the console steps use it (↑/↓ scroll):",
		ko: "콘솔 안내에서 쓰는 인라인 정책 그대로입니다(↑/↓ 스크롤):",
	},
	TUIIAMPolicyWide: {
		en: "Some lines are wider than this terminal and are cut (…): save the policy to a file instead.",
		ko: "터미널보다 긴 줄은 잘려 보입니다(…). 정책을 파일로 저장해 쓰세요.",
	},
	TUIIAMCannotSave: {
		en: "saving files is not available in this run; copy the policy from the screen",
		ko: "이번 실행에서는 파일을 저장할 수 없습니다. 화면의 정책을 복사하세요",
	},
	TUIIAMErrSave: {
		en: "cannot save the policy to %s: %v",
		ko: "정책을 %s에 저장할 수 없습니다: %v",
	},
})

// "Create it now" on the IAM screen: plan, confirm, apply; and quitting
// after it changed AWS.
const (
	TUIIAMPlanning    Key = "tui.iam.planning"
	TUIIAMConfirm     Key = "tui.iam.confirm"
	TUIQuitIAMKept    Key = "tui.quit.iam_kept"
	TUIQuitNowIAM     Key = "tui.quit.now_iam"
	TUIAbortedIAMKept Key = "tui.aborted.iam_kept"
	TUIDoneIAMChanged Key = "tui.done.iam_changed"
	TUIAborted        Key = "tui.aborted"
)

var _ = add(map[Key]text{
	TUIIAMPlanning: {
		en: "Reading what exists in IAM, EC2 and CloudWatch (nothing is changed)…",
		ko: "IAM, EC2, CloudWatch에 이미 있는 것을 읽는 중(아무것도 바꾸지 않음)…",
	},
	TUIIAMConfirm: {
		en: "Make these %d changes in AWS now?",
		ko: "이 %d개 변경을 지금 AWS에 적용할까요?",
	},
	TUIQuitIAMKept: {
		en: "Nothing on this server has been changed yet, but the IAM step changed AWS, and quitting keeps it:",
		ko: "이 서버에서는 아직 아무것도 바꾸지 않았지만, IAM 단계에서 AWS에 다음을 만들었고 끝내도 그대로 남습니다:",
	},
	TUIQuitNowIAM: {
		en: "Quit (the server stays as it is; what was made in AWS stays)",
		ko: "끝내기 (서버는 그대로, AWS에 만든 것은 남음)",
	},
	TUIAbortedIAMKept: {
		en: "aborted: this server was not changed; in AWS the IAM step made these changes, which stay:",
		ko: "중단했습니다: 이 서버는 바꾸지 않았습니다. AWS에는 IAM 단계에서 만든 다음 항목이 남아 있습니다:",
	},
	TUIAborted: {en: "aborted", ko: "중단했습니다"},
	TUIDoneIAMChanged: {
		en: "Changed in AWS by the IAM step:",
		ko: "IAM 단계에서 AWS에 바꾼 것:",
	},
})
