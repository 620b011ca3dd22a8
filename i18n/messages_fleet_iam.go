package i18n

// Fleet: AccessDenied names the permissions of the side that was denied.
const (
	FleetErrAccessDenied   Key = "fleet.err.access_denied"
	FleetErrInstanceDenied Key = "fleet.err.instance_denied"
)

var _ = add(map[Key]text{
	FleetErrAccessDenied: {
		en: "AWS denied %s (%s): the credentials running cwsetup fleet may not do this. What was done before it stays (the plan above says what that was). Ask an administrator to allow (docs/fleet.md, Operator permissions):\n%s",
		ko: "AWS가 %s 요청을 거부했습니다(%s): cwsetup fleet을 실행하는 자격 증명에 이 권한이 없습니다. 그 전에 한 일은 그대로 남습니다(위 계획 참고). 관리자에게 다음 권한을 요청하세요(docs/fleet.md의 운영자 권한):\n%s",
	},
	FleetErrInstanceDenied: {
		en: "AWS denied %s (%s) to this instance's role: it needs ssm:GetParameter on %s. `cwsetup iam policy --fleet-parameter NAME` prints the statement",
		ko: "AWS가 이 인스턴스 역할의 %s 요청을 거부했습니다(%s): %s 파라미터에 대한 ssm:GetParameter가 필요합니다. `cwsetup iam policy --fleet-parameter 이름`이 그 문을 출력합니다",
	},
})
