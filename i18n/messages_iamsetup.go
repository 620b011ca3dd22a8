package i18n

// IAM setup's plan, confirmation and result (wizard/iamsetup, cmd_iam.go),
// and the answers rule that keeps alarmed log groups out of Infrequent
// Access.
const (
	IAMSetupErrRoleHolds             Key = "iamsetup.err.role_holds"
	IAMSetupErrProfileHolds          Key = "iamsetup.err.profile_holds"
	IAMSetupErrAlarmInfrequent       Key = "iamsetup.err.alarm_infrequent"
	IAMSetupErrAlarmInfrequentExists Key = "iamsetup.err.alarm_infrequent_exists"
	IAMSetupErrNoPort                Key = "iamsetup.err.no_port"
	IAMSetupErrNotPlanned            Key = "iamsetup.err.not_planned"
	IAMSetupErrNeedYes               Key = "iamsetup.err.need_yes"
	IAMSetupErrDeclined              Key = "iamsetup.err.declined"
	IAMSetupStopped                  Key = "iamsetup.stopped"
	IAMSetupBlocked                  Key = "iamsetup.blocked"
	IAMSetupErrBlocked               Key = "iamsetup.err.blocked"
	IAMSetupErrWizardReplace         Key = "iamsetup.err.wizard_replace"
	IAMSetupConfirm                  Key = "iamsetup.confirm"
	IAMPlanHeader                    Key = "iamsetup.plan.header"
	IAMPlanCreate                    Key = "iamsetup.plan.create"
	IAMPlanUpdate                    Key = "iamsetup.plan.update"
	IAMPlanReplace                   Key = "iamsetup.plan.replace"
	IAMPlanKeep                      Key = "iamsetup.plan.keep"
	IAMPlanFromTo                    Key = "iamsetup.plan.from_to"
	IAMPlanTo                        Key = "iamsetup.plan.to"
	IAMPlanDays                      Key = "iamsetup.plan.days"
	IAMPlanNeverExpire               Key = "iamsetup.plan.never_expire"
	IAMPlanRoleExists                Key = "iamsetup.plan.role_exists"
	IAMPlanTrusts                    Key = "iamsetup.plan.trusts"
	IAMPlanForeign                   Key = "iamsetup.plan.foreign"
	IAMPlanInline                    Key = "iamsetup.plan.inline"
	IAMPlanAttached                  Key = "iamsetup.plan.attached"
	IAMPlanWithin                    Key = "iamsetup.plan.within"
	IAMPlanAllows                    Key = "iamsetup.plan.allows"
	IAMPlanGrant                     Key = "iamsetup.plan.grant"
	IAMPlanAdopting                  Key = "iamsetup.plan.adopting"
	IAMChangeFailed                  Key = "iamsetup.change.failed"
	IAMChangeSkipped                 Key = "iamsetup.change.skipped"
	FlagAdoptRole                    Key = "iamsetup.flag.adopt_role"
	AnsAlarmInfrequent               Key = "iamsetup.ans.alarm_infrequent"
)

var _ = add(map[Key]text{
	IAMSetupErrRoleHolds: {
		en: "role %s already exists and grants more than cwsetup's policy or trusts more than EC2 (listed above). Nothing was changed. " +
			"Use another --role-name, remove what it holds in the IAM console, or pass --adopt-role to take it as it is",
		ko: "이미 있는 역할 %s에 cwsetup 정책보다 넓은 권한이 있거나 EC2 외의 주체를 신뢰합니다(위 목록). 아무것도 바꾸지 않았습니다. " +
			"--role-name으로 다른 이름을 쓰거나, IAM 콘솔에서 그 권한을 정리하거나, 그대로 넘겨받으려면 --adopt-role을 지정하세요",
	},
	IAMSetupErrProfileHolds: {
		en: "instance profile %s already holds role %s, and an instance profile holds one role only. Nothing was changed. " +
			"Use another --role-name, or remove that role from the profile",
		ko: "인스턴스 프로파일 %s에 다른 역할(%s)이 들어 있고, 인스턴스 프로파일에는 역할을 하나만 넣을 수 있습니다. 아무것도 바꾸지 않았습니다. " +
			"--role-name으로 다른 이름을 쓰거나 프로파일에서 그 역할을 빼세요",
	},
	IAMSetupErrAlarmInfrequent: {
		en: "log group %s would be INFREQUENT_ACCESS, but the security alarms watch it and Infrequent Access log groups support no metric filters. " +
			"Nothing was changed. Give that log the class STANDARD in the answers, or turn the alarms off (alarms.enabled: false, or --alarms=false)",
		ko: "로그 그룹 %s의 클래스가 INFREQUENT_ACCESS인데 보안 경보가 이 그룹을 지켜봅니다. Infrequent Access 로그 그룹에는 지표 필터를 둘 수 없습니다. " +
			"아무것도 바꾸지 않았습니다. 답변 파일에서 그 로그의 클래스를 STANDARD로 하거나 경보를 끄세요(alarms.enabled: false 또는 --alarms=false)",
	},
	IAMSetupErrAlarmInfrequentExists: {
		en: "log group %s exists with class INFREQUENT_ACCESS, which supports no metric filters, so the security alarms cannot watch it " +
			"(a class cannot be changed after creation). Nothing was changed. Delete the group so that it is created again as STANDARD, or turn the alarms off (--alarms=false)",
		ko: "로그 그룹 %s: 이미 INFREQUENT_ACCESS 클래스로 만들어져 있어 지표 필터를 둘 수 없으므로 보안 경보가 지켜볼 수 없습니다" +
			"(클래스는 생성 후 바꿀 수 없습니다). 아무것도 바꾸지 않았습니다. 그룹을 삭제해 STANDARD로 다시 만들어지게 하거나 경보를 끄세요(--alarms=false)",
	},
	IAMSetupErrNoPort: {
		en: "internal error: IAM setup has no %s client; please report this as a cwsetup bug",
		ko: "내부 오류: IAM 설정에 쓸 %s 클라이언트가 없습니다. cwsetup 버그로 알려 주세요",
	},
	IAMSetupErrNotPlanned: {
		en: "internal error: no planned action for %s %s; please report this as a cwsetup bug",
		ko: "내부 오류: %s %s에 계획된 작업이 없습니다. cwsetup 버그로 알려 주세요",
	},
	IAMSetupErrNeedYes: {
		en: "the plan above needs your confirmation, but standard input is not a terminal. Nothing was changed. " +
			"Run cwsetup in a terminal, or pass --yes to apply the plan without asking",
		ko: "위 계획을 적용하려면 확인이 필요하지만 표준 입력이 터미널이 아닙니다. 아무것도 바꾸지 않았습니다. " +
			"터미널에서 실행하거나, 묻지 않고 적용하려면 --yes를 지정하세요",
	},
	IAMSetupErrDeclined: {
		en: "not confirmed: nothing was changed",
		ko: "확인하지 않아 아무것도 바꾸지 않았습니다",
	},
	IAMSetupStopped: {
		en: "Stopped at the failure above. What was done stays; running the same iam setup again continues from there.",
		ko: "위 실패에서 멈췄습니다. 이미 한 작업은 그대로 남으며, 같은 iam setup을 다시 실행하면 거기서부터 이어서 진행합니다.",
	},
	IAMSetupBlocked: {
		en: "The plan cannot be applied:",
		ko: "이 계획은 적용할 수 없습니다:",
	},
	IAMSetupErrBlocked: {
		en: "nothing was changed: the plan cannot be applied for the reasons above",
		ko: "위 이유로 계획을 적용할 수 없어 아무것도 바꾸지 않았습니다",
	},
	IAMSetupErrWizardReplace: {
		en: "nothing was changed: instance %s uses instance profile %s, and replacing it needs your confirmation. Run cwsetup iam setup in a terminal to see the plan and confirm it",
		ko: "아무것도 바꾸지 않았습니다: 인스턴스 %s에 다른 인스턴스 프로파일(%s)이 연결되어 있어, 교체하려면 확인이 필요합니다. 터미널에서 cwsetup iam setup을 실행해 계획을 보고 확인하세요",
	},
	IAMSetupConfirm: {
		en: "Make these %d changes? [y/N] ",
		ko: "이 %d건의 변경을 적용할까요? [y/N] ",
	},
	IAMPlanHeader: {
		en: "Plan for account %s, region %s:",
		ko: "계획 (계정 %s, 리전 %s):",
	},
	IAMPlanCreate:      {en: "  + create    %s %s", ko: "  + 생성 예정 %s %s"},
	IAMPlanUpdate:      {en: "  ~ update    %s %s", ko: "  ~ 변경 예정 %s %s"},
	IAMPlanReplace:     {en: "  ~ replace   %s %s", ko: "  ~ 교체 예정 %s %s"},
	IAMPlanKeep:        {en: "  = unchanged %s %s", ko: "  = 변경 없음 %s %s"},
	IAMPlanFromTo:      {en: " (%s → %s)", ko: " (%s → %s)"},
	IAMPlanTo:          {en: " (%s)", ko: " (%s)"},
	IAMPlanDays:        {en: "%s days", ko: "%s일"},
	IAMPlanNeverExpire: {en: "never expire", ko: "만료 없음"},
	IAMPlanRoleExists: {
		en: "Existing role %s (%s):",
		ko: "이미 있는 역할 %s (%s):",
	},
	IAMPlanTrusts:   {en: "  trusts: %s", ko: "  신뢰하는 주체: %s"},
	IAMPlanForeign:  {en: "  not EC2: %s", ko: "  EC2가 아닌 주체: %s"},
	IAMPlanInline:   {en: "  inline policy %s: %s", ko: "  인라인 정책 %s: %s"},
	IAMPlanAttached: {en: "  attached policy %s (%s): %s", ko: "  연결된 관리형 정책 %s (%s): %s"},
	IAMPlanWithin:   {en: "within cwsetup's policy", ko: "cwsetup 정책 범위 안"},
	IAMPlanAllows:   {en: "allows %s", ko: "허용: %s"},
	IAMPlanGrant:    {en: "%s on %s", ko: "%s (대상: %s)"},
	IAMPlanAdopting: {
		en: "--adopt-role: cwsetup takes role %s as it is. The policies above stay; the trust policy allows EC2 only.",
		ko: "--adopt-role: 기존 역할 %s을(를) 지금 상태 그대로 넘겨받습니다. 위 정책은 그대로 남고, 신뢰 정책은 EC2만 허용합니다.",
	},
	IAMChangeFailed:  {en: "  ! failed    %s %s", ko: "  ! 실패      %s %s"},
	IAMChangeSkipped: {en: "  - not done  %s %s", ko: "  - 하지 않음 %s %s"},
	FlagAdoptRole: {
		en: "take an existing role even if it grants more than cwsetup's policy or trusts more than EC2 (the plan shows what it holds)",
		ko: "cwsetup 정책보다 넓은 권한이 있거나 EC2 외의 주체를 신뢰하는 기존 역할도 넘겨받기 (계획에 보유 내용을 먼저 보여 줌)",
	},
	AnsAlarmInfrequent: {
		en: "%s: log group %s is INFREQUENT_ACCESS, but the security alarms watch it and Infrequent Access log groups support no metric filters. " +
			"Use STANDARD for it, or turn the alarms off (alarms.enabled: false)",
		ko: "%s: 로그 그룹 %s의 클래스가 INFREQUENT_ACCESS인데 보안 경보가 이 그룹을 지켜봅니다. Infrequent Access 로그 그룹에는 지표 필터를 둘 수 없습니다. " +
			"이 그룹은 STANDARD로 하거나 경보를 끄세요(alarms.enabled: false)",
	},
})
