package i18n

// Fleet: canary waves of `fleet apply --canary`.
const (
	FleetFlagCanary        Key = "fleet.flag.canary"
	FleetFlagApplyInterval Key = "fleet.flag.apply_interval"
	FleetErrBadCanary      Key = "fleet.err.bad_canary"
	FleetErrCanarySchedule Key = "fleet.err.canary_schedule"
	FleetErrCanaryAll      Key = "fleet.err.canary_all"
	FleetErrCanaryFailed   Key = "fleet.err.canary_failed"
	FleetAppCanaryPlan     Key = "fleet.app.canary_plan"
	FleetAppCanarySent     Key = "fleet.app.canary_sent"
	FleetAppCanaryWait     Key = "fleet.app.canary_wait"
	FleetAppCanaryBad      Key = "fleet.app.canary_bad"
	FleetAppCanaryOK       Key = "fleet.app.canary_ok"
)

var _ = add(map[Key]text{
	FleetFlagCanary: {
		en: "send to this many instances first (N or N%), wait for their results, and send to the rest only when all succeeded",
		ko: "먼저 이만큼의 인스턴스(N 또는 N%)에만 보내고 결과를 기다린 뒤, 모두 성공했을 때만 나머지에 보내기",
	},
	FleetFlagApplyInterval: {en: "how often the canaries' command is read while waiting", ko: "카나리 명령 결과를 기다리는 동안 다시 읽는 간격"},
	FleetErrBadCanary: {
		en: "invalid --canary %q: a count of 1–%d (sent by instance id) or a percentage such as 5%%",
		ko: "잘못된 --canary %q: 1~%d의 개수(인스턴스 ID로 보냄) 또는 5%% 같은 백분율이어야 합니다",
	},
	FleetErrCanarySchedule: {
		en: "--canary works with a command, not with --schedule: roll out with --canary first, then add the schedule",
		ko: "--canary는 --schedule과 함께 쓸 수 없습니다: 먼저 --canary로 배포한 뒤 일정을 추가하세요",
	},
	FleetErrCanaryAll: {
		en: "--canary %s covers all %d instances ready to run it: nothing would be left for a second wave; give a smaller count",
		ko: "--canary %s는 실행 가능한 인스턴스 %d대 전부입니다. 두 번째 단계에 남는 인스턴스가 없으니 더 작은 수를 지정하세요",
	},
	FleetErrCanaryFailed: {
		en: "%d of %d canaries did not succeed: the rest were not sent. Fix the answers or the instances and run fleet apply again",
		ko: "카나리 %[2]d대 중 %[1]d대가 성공하지 못해 나머지에는 보내지 않았습니다. 답변이나 인스턴스를 고친 뒤 fleet apply를 다시 실행하세요",
	},
	FleetAppCanaryPlan: {
		en: "  canaries: %d first (%s), alone; the rest only when every one reported success",
		ko: "  카나리: 먼저 %d대(%s)에만 보내고, 모두 성공했다고 보고한 뒤에만 나머지에 보냅니다",
	},
	FleetAppCanarySent: {
		en: "Sent canary command %s to %d instances; waiting for their results.",
		ko: "카나리 명령을 %[2]d대에 보냈습니다: %[1]s. 결과를 기다립니다.",
	},
	FleetAppCanaryWait: {
		en: "canaries: %d ok, %d failed, %d running of %d; reading again in %v",
		ko: "카나리 %[4]d대: 성공 %[1]d, 실패 %[2]d, 실행 중 %[3]d. %[5]v 뒤 다시 읽습니다",
	},
	FleetAppCanaryBad: {en: "  canary %s: %s %s", ko: "  카나리 %s: %s %s"},
	FleetAppCanaryOK: {
		en: "All %d canaries succeeded; sending to the rest.",
		ko: "카나리 %d대가 모두 성공해 나머지에 보냅니다.",
	},
})
