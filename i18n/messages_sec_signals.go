package i18n

// Interruptions and deadlines: a hung tool is killed, an undone first
// apply stops the agent it started.
const (
	ApplyErrCtlTimeout      Key = "signals.err.ctl_timeout"
	ApplyErrStopAgain       Key = "signals.err.stop_again"
	ApplyStoppedAgain       Key = "signals.stopped_again"
	ApplyLeftRemovedStopped Key = "signals.apply_left.removed_stopped"
	ApplyLeftRemovedRunning Key = "signals.apply_left.removed_running"
)

var _ = add(map[Key]text{
	ApplyErrCtlTimeout: {
		en: "%s did not finish within %s and was stopped",
		ko: "%s 명령이 %s 안에 끝나지 않아 중지했습니다",
	},
	ApplyErrStopAgain: {
		en: "stopping the agent again failed (ctl -a stop exit status %d)",
		ko: "에이전트를 다시 중지하지 못했습니다(ctl -a stop 종료 상태 %d)",
	},
	ApplyStoppedAgain: {
		en: "There was no agent config before: stopped the agent again (ctl -a stop).",
		ko: "이전 에이전트 구성이 없었으므로 에이전트를 다시 중지했습니다(ctl -a stop).",
	},
	ApplyLeftRemovedStopped: {
		en: "interrupted: the new %s was removed (there was none before) and the agent, which had started on it, was stopped; the lock %s is released",
		ko: "중단했습니다. 새로 쓴 파일을 지웠고(%s, 이전에는 없던 파일) 그 구성으로 시작한 에이전트를 중지했습니다. 잠금을 해제했습니다(%s)",
	},
	ApplyLeftRemovedRunning: {
		en: "interrupted: the new %s was removed (there was none before), but the agent may still run it: stopping it failed (%v). Run: amazon-cloudwatch-agent-ctl -a stop; the lock %s is released",
		ko: "중단했습니다. 새로 쓴 파일을 지웠지만(%s, 이전에는 없던 파일) 에이전트를 중지하지 못해(%v) 에이전트가 그 구성으로 계속 실행 중일 수 있습니다. 실행: amazon-cloudwatch-agent-ctl -a stop. 잠금을 해제했습니다(%s)",
	},
})
