package i18n

// The wizard: waiting for a role attached in the console, and accessible
// mode's confirmations.
const (
	TUIIAMWaitHead      Key = "tui.iam.wait_head"
	TUIIAMWaitNone      Key = "tui.iam.wait_none"
	TUIIAMWaitPoll      Key = "tui.iam.wait_poll"
	TUIIAMWaitChoose    Key = "tui.iam.wait_choose"
	TUIIAMChoiceRecheck Key = "tui.iam.choice_recheck"
	TUIIAMChoiceWithout Key = "tui.iam.choice_without"
	TUIIAMChoiceBack    Key = "tui.iam.choice_back"
	TUIVerifyNoRole     Key = "tui.verify.no_role"
	TUIAccApplyNoQuits  Key = "tui.acc.apply_no_quits"
	TUIAccApplyQuit     Key = "tui.acc.apply_quit"
	TUIReviewAsRoot     Key = "tui.review.as_root"
	TUIHostInstance     Key = "tui.host.instance"
	TUIHostInstanceIn   Key = "tui.host.instance_in"
	TUIHostNotEC2       Key = "tui.host.not_ec2"
	TUIHostRole         Key = "tui.host.role"
	TUIHostRoleNone     Key = "tui.host.role_none"
	TUIHostChecking     Key = "tui.host.checking"
	TUIAbortedIAMNext   Key = "tui.aborted.iam_next"
	TUIApplyRunning     Key = "tui.apply.running"
	TUIHostYes          Key = "tui.host.yes"
	TUILogsCustom       Key = "tui.logs.custom"
	TUILogsAddedGroup   Key = "tui.logs.added_group"
	TUILogsEditFile     Key = "tui.logs.edit_file"
)

var _ = add(map[Key]text{
	TUIIAMWaitHead: {
		en: "Waiting for the role: attach it in the console as the steps below say, then check again.",
		ko: "역할 연결을 기다리는 중입니다. 아래 단계대로 콘솔에서 역할을 연결한 뒤 다시 확인하세요.",
	},
	TUIIAMWaitNone: {
		en: "No role is attached to this instance yet (IMDS checks so far: %d).",
		ko: "이 인스턴스에 아직 역할이 연결되지 않았습니다(지금까지 IMDS 확인 %d회).",
	},
	TUIIAMWaitPoll: {
		en: "While this screen is open, IMDS is asked again every %d seconds.",
		ko: "이 화면이 열려 있는 동안 %d초마다 IMDS에 다시 확인합니다.",
	},
	TUIIAMWaitChoose:    {en: "The role is not attached yet. What next?", ko: "아직 역할이 없습니다. 어떻게 할까요?"},
	TUIIAMChoiceRecheck: {en: "Check again (ask IMDS for the role)", ko: "다시 확인 (IMDS에 역할 묻기)"},
	TUIIAMChoiceWithout: {
		en: "Go on without a role (the agent sends nothing until one is attached)",
		ko: "역할 없이 계속 (역할을 연결하기 전에는 에이전트가 보내지 못함)",
	},
	TUIIAMChoiceBack: {en: "Back to the choices", ko: "선택으로 돌아가기"},
	TUIVerifyNoRole: {
		en: "! No IAM role is attached to this instance (the IAM step went on without one): the agent cannot write to CloudWatch until a role with the policy is attached. Attach it ('cwsetup iam setup' or the console steps), then run 'cwsetup verify'.",
		ko: "! 이 인스턴스에 IAM 역할이 연결되어 있지 않습니다(IAM 단계에서 역할 없이 계속함). 정책이 있는 역할을 연결하기 전에는 에이전트가 CloudWatch에 쓸 수 없습니다. 역할을 연결한 뒤('cwsetup iam setup' 또는 콘솔 단계) 'cwsetup verify'를 실행하세요.",
	},
	TUIAccApplyNoQuits: {
		en: "Installs the agent if needed, backs up config.json, writes the new one and restarts the agent; on failure the backup is restored. Answering no ends the wizard here with nothing changed on the server.",
		ko: "필요하면 에이전트를 설치하고, config.json을 백업한 뒤 새 구성을 쓰고 에이전트를 다시 시작합니다. 실패하면 백업을 되돌립니다. 아니요를 고르면 서버에는 아무것도 바꾸지 않고 여기서 끝냅니다.",
	},
	TUIAccApplyQuit:   {en: "Quit, change nothing", ko: "바꾸지 않고 끝내기"},
	TUIHostInstance:   {en: "EC2 instance", ko: "EC2 인스턴스"},
	TUIHostInstanceIn: {en: "%s in %s", ko: "%s (리전 %s)"},
	TUIHostNotEC2:     {en: "not found (IMDS did not answer; the IAM step says what to do)", ko: "찾지 못함 (IMDS 응답 없음, IAM 단계에서 방법을 안내합니다)"},
	TUIHostRole:       {en: "IAM role", ko: "IAM 역할"},
	TUIHostRoleNone:   {en: "none attached: the IAM step sets one up", ko: "연결되지 않음: IAM 단계에서 연결합니다"},
	TUIHostChecking:   {en: "asking IMDS…", ko: "IMDS에 확인하는 중…"},
	TUIAbortedIAMNext: {
		en: "To set up this server later (the IAM step will find what it made), run:",
		ko: "나중에 이 서버를 설정하려면 다음을 실행하세요(IAM 단계가 만든 것을 다시 찾습니다):",
	},
	TUIApplyRunning: {
		en: "Applying: wait until the last step ends (it cannot be stopped half-way).",
		ko: "적용하는 중입니다. 마지막 단계가 끝날 때까지 기다리세요(중간에 멈출 수 없습니다).",
	},
	TUIHostYes:    {en: "Continue", ko: "계속"},
	TUILogsCustom: {en: "added", ko: "추가"},
	TUILogsAddedGroup: {
		en: "Added %s → log group %s.",
		ko: "%s 추가 → 로그 그룹 %s",
	},
	TUILogsEditFile: {en: "%s — now: %s, kept %s", ko: "%s — 지금: %s, 보존 기간 %s"},
	TUIReviewAsRoot: {
		en: "! The agent will run as root, not %s: %s. The config below is what apply writes (run_as_user root). To run it as %s, fix that and come back to this review.",
		ko: "! 에이전트를 %s이(가) 아닌 root로 실행합니다: %s. 아래 구성이 적용할 때 쓰는 내용입니다(run_as_user root). %s(으)로 실행하려면 그 문제를 해결한 뒤 이 검토 화면으로 돌아오세요.",
	},
})
