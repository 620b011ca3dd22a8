package i18n

// Fleet: AccessDenied names the permissions of the side that was denied.
const (
	FleetErrAccessDenied   Key = "fleet.err.access_denied"
	FleetErrInstanceDenied Key = "fleet.err.instance_denied"
	FleetErrThrottled      Key = "fleet.err.throttled"
)

var _ = add(map[Key]text{
	FleetErrAccessDenied: {
		en: "AWS denied %s (%s): the credentials running cwsetup fleet may not do this. What was done before it stays (the plan above says what that was). Ask an administrator to allow (docs/fleet.md, Operator permissions):\n%s",
		ko: "AWS가 %s 요청을 거부했습니다(%s): cwsetup fleet을 실행하는 자격 증명에 이 권한이 없습니다. 그 전에 한 일은 그대로 남습니다(위 계획 참고). 관리자에게 다음 권한을 요청하세요(docs/fleet.md의 운영자 권한):\n%s",
	},
	FleetErrThrottled: {
		en: "AWS throttled %s (%s) beyond the SDK's retries",
		ko: "SDK의 재시도 뒤에도 AWS가 %s 요청을 제한했습니다(%s)",
	},
	FleetErrInstanceDenied: {
		en: "AWS denied %s (%s) to this instance's role: it needs ssm:GetParameter on %s. `cwsetup iam policy --fleet-parameter NAME` prints the statement",
		ko: "AWS가 이 인스턴스 역할의 %s 요청을 거부했습니다(%s): %s 파라미터에 대한 ssm:GetParameter가 필요합니다. `cwsetup iam policy --fleet-parameter 이름`이 그 문을 출력합니다",
	},
})

// Fleet: `cwsetup fleet policy`, the operator's least-privilege policy.
const (
	FleetPolicyShort      Key = "fleet.policy.short"
	FleetPolicyLong       Key = "fleet.policy.long"
	FleetFlagAccount      Key = "fleet.flag.account"
	FleetFlagLogPrefix    Key = "fleet.flag.log_prefix"
	FleetErrPolicyAccount Key = "fleet.err.policy_account"
	FleetErrPolicyRegion  Key = "fleet.err.policy_region"
)

var _ = add(map[Key]text{
	FleetPolicyShort: {
		en: "Print the least-privilege IAM policy for whoever runs fleet publish, apply and status",
		ko: "fleet publish, apply, status를 실행하는 사람에게 필요한 최소 권한 IAM 정책 출력",
	},
	FleetPolicyLong: {
		en: "cwsetup fleet policy prints the IAM policy (JSON) the operator needs: the answers parameter,\n" +
			"the document, SendCommand and the association calls on that document and only on the\n" +
			"targeted instances (tag targets become ssm:resourceTag conditions, instance ids their ARNs),\n" +
			"and the reads that take no resource. It changes nothing; the account comes from\n" +
			"--account or the credentials in use (STS GetCallerIdentity).",
		ko: "cwsetup fleet policy는 운영자에게 필요한 IAM 정책(JSON)을 출력합니다: 답변 파라미터, 문서,\n" +
			"그 문서와 대상 인스턴스에만 허용하는 SendCommand와 연결 호출(태그 대상은 ssm:resourceTag 조건,\n" +
			"인스턴스 ID는 그 ARN), 그리고 리소스를 받지 않는 읽기 호출. 아무것도 바꾸지 않으며, 계정은\n" +
			"--account나 지금 쓰는 자격 증명(STS GetCallerIdentity)에서 가져옵니다.",
	},
	FleetFlagAccount:   {en: "AWS account id (default: that of the credentials in use)", ko: "AWS 계정 ID (기본값: 지금 쓰는 자격 증명의 계정)"},
	FleetFlagLogPrefix: {en: "log group prefix fleet status reads (default: every group)", ko: "fleet status가 읽을 로그 그룹 접두사 (기본값: 모든 그룹)"},
	FleetErrPolicyAccount: {
		en: "invalid account id %q: 12 digits",
		ko: "잘못된 계정 ID %q: 숫자 12자리여야 합니다",
	},
	FleetErrPolicyRegion: {
		en: "invalid or missing region %q: give --region (such as ap-northeast-2)",
		ko: "리전이 없거나 잘못되었습니다(%q): --region을 지정하세요 (예: ap-northeast-2)",
	},
})
