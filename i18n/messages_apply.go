package i18n

// apply and verify: installing the agent, writing its config, fetch-config,
// rollback, and proving delivery.
const (
	ApplyShort        Key = "apply.short"
	ApplyLong         Key = "apply.long"
	ApplyFlagAnswers  Key = "apply.flag.answers"
	ApplyFlagYes      Key = "apply.flag.yes"
	ApplyFlagDryRun   Key = "apply.flag.dry_run"
	ApplyFlagKeep     Key = "apply.flag.keep"
	ApplyFlagNoVerify Key = "apply.flag.no_verify"
	ApplyFlagWait     Key = "apply.flag.wait"
	VerifyShort       Key = "verify.short"
	VerifyLong        Key = "verify.long"

	ApplyDryRunHeader Key = "apply.dry_run.header"
	ApplyDryRunFooter Key = "apply.dry_run.footer"
	ApplyDiffHeader   Key = "apply.diff_header"
	ApplyPlannedCmd   Key = "apply.planned.command"
	ApplyRunCmd       Key = "apply.run.command"
	ApplyNeedYes      Key = "apply.err.need_yes"
	ApplyDone         Key = "apply.done"
	ApplyNoAnswers    Key = "apply.note.no_answers"

	ApplyStepLock     Key = "apply.step.lock"
	ApplyStepInstall  Key = "apply.step.install"
	ApplyStepUpgrade  Key = "apply.step.upgrade"
	ApplyStepWrite    Key = "apply.step.write"
	ApplyStepFetch    Key = "apply.step.fetch"
	ApplyStepRollback Key = "apply.step.rollback"

	ApplyUnchanged          Key = "apply.unchanged"
	ApplyAlreadyRunning     Key = "apply.already_running"
	ApplyFetchOK            Key = "apply.fetch_ok"
	ApplyRunning            Key = "apply.running"
	ApplyPlanBackup         Key = "apply.plan.backup"
	ApplyPlanWrite          Key = "apply.plan.write"
	ApplyPlanPrune          Key = "apply.plan.prune"
	ApplyPlanVerify         Key = "apply.plan.verify"
	ApplyPlanDownload       Key = "apply.plan.download"
	ApplyBackedUp           Key = "apply.backed_up"
	ApplyWritten            Key = "apply.written"
	ApplyPruneFailed        Key = "apply.prune_failed"
	ApplyRollbackNoOld      Key = "apply.rollback_no_old"
	ApplyRolledBack         Key = "apply.rolled_back"
	ApplyJournalOldAgent    Key = "apply.journal_old_agent"
	ApplyRsyslogAlternative Key = "apply.rsyslog_alternative"
	ApplyForeignRoot        Key = "apply.foreign_root"
	ApplyInstalled          Key = "apply.installed"
	ApplyDownloading        Key = "apply.downloading"
	ApplyVerified           Key = "apply.verified"

	ApplyErrLockOpen       Key = "apply.err.lock_open"
	ApplyErrLocked         Key = "apply.err.locked"
	ApplyErrArch           Key = "apply.err.arch"
	ApplyErrDistro         Key = "apply.err.distro"
	ApplyErrKeyRead        Key = "apply.err.key_read"
	ApplyErrKeyFingerprint Key = "apply.err.key_fingerprint"
	ApplyErrSignature      Key = "apply.err.signature"
	ApplyErrDownload       Key = "apply.err.download"
	ApplyErrInterrupted    Key = "apply.err.interrupted"
	ApplyErrNoCtl          Key = "apply.err.no_ctl"
	ApplyErrCtlStart       Key = "apply.err.ctl_start"
	ApplyErrFetchFailed    Key = "apply.err.fetch_failed"
	ApplyErrStatus         Key = "apply.err.status"
	ApplyErrNotRunning     Key = "apply.err.not_running"
	ApplyErrBackup         Key = "apply.err.backup"
	ApplyErrWrite          Key = "apply.err.write"
	ApplyErrRestore        Key = "apply.err.restore"
	ApplyErrRollbackFetch  Key = "apply.err.rollback_fetch"
	ApplyErrInstall        Key = "apply.err.install"
	ApplyErrAnswers        Key = "apply.err.answers"

	ApplyExplainSchema         Key = "apply.explain.schema"
	ApplyExplainTranslator     Key = "apply.explain.translator"
	ApplyExplainPath           Key = "apply.explain.path"
	ApplyExplainAgentSaid      Key = "apply.explain.agent_said"
	ApplyExplainCredentials    Key = "apply.explain.credentials"
	ApplyExplainSecondPhase    Key = "apply.explain.second_phase"
	ApplyExplainStart          Key = "apply.explain.start"
	ApplyExplainUnknown        Key = "apply.explain.unknown"
	ApplyHintRetention         Key = "apply.hint.retention"
	ApplyHintRetentionConflict Key = "apply.hint.retention_conflict"
	ApplyHintClassConflict     Key = "apply.hint.class_conflict"
	ApplyHintTimestamp         Key = "apply.hint.timestamp"
	ApplyHintUnknownKey        Key = "apply.hint.unknown_key"
	ApplyHintCollectd          Key = "apply.hint.collectd"
	ApplyRollbackFailed        Key = "apply.rollback_failed"

	VerifyErrNoConfig        Key = "verify.err.no_config"
	VerifyErrBadConfig       Key = "verify.err.bad_config"
	VerifyErrFailed          Key = "verify.err.failed"
	VerifyErrDeadline        Key = "verify.err.deadline"
	VerifyNoCtl              Key = "verify.no_ctl"
	VerifyNotRunning         Key = "verify.not_running"
	VerifyRunning            Key = "verify.running"
	VerifyNotLoaded          Key = "verify.not_loaded"
	VerifyLoadedDiffers      Key = "verify.loaded_differs"
	VerifyLoaded             Key = "verify.loaded"
	VerifyReadDenied         Key = "verify.read_denied"
	VerifyReadFailed         Key = "verify.read_failed"
	VerifyNoSystemLog        Key = "verify.no_system_log"
	VerifyNoReader           Key = "verify.no_reader"
	VerifyMarkerWrite        Key = "verify.marker_write"
	VerifyMarkerArrived      Key = "verify.marker_arrived"
	VerifyMarkerTimeout      Key = "verify.marker_timeout"
	VerifyCredsInLog         Key = "verify.creds_in_log"
	VerifyJournalForeignRoot Key = "verify.journal_foreign_root"
	VerifyGroupMissing       Key = "verify.group_missing"
	VerifyGroupOK            Key = "verify.group_ok"
	VerifyGroupRetention     Key = "verify.group_retention"
	VerifyNeverExpire        Key = "verify.never_expire"
	VerifyDays               Key = "verify.days"
	VerifyPassed             Key = "verify.passed"
	VerifyLabelPass          Key = "verify.label.pass"
	VerifyLabelFail          Key = "verify.label.fail"
	VerifyLabelWarn          Key = "verify.label.warn"
	VerifyLabelSkip          Key = "verify.label.skip"
)

var _ = add(map[Key]text{
	ApplyShort: {
		en: "Install the agent if needed, write its config, start it, and verify delivery",
		ko: "필요하면 에이전트를 설치하고, 구성을 쓰고, 시작한 뒤 로그 전송을 확인합니다",
	},
	ApplyLong: {
		en: "apply does the whole job without a UI: installs the CloudWatch agent when it is\n" +
			"missing (package signature checked first), backs up the current config.json,\n" +
			"grants the agent's user (cwagent) read access to exactly the shipped files with\n" +
			"POSIX ACLs and proves it by opening each as that user (or runs the agent as root,\n" +
			"saying why), writes the new config atomically, runs the agent's fetch-config, and\n" +
			"restores the old config and ACLs if the agent rejects the new one. --dry-run prints\n" +
			"every action and changes nothing. With --root other than /, no package manager is run.",
		ko: "apply는 화면 없이 전체 작업을 수행합니다. CloudWatch 에이전트가 없으면 설치하고(패키지\n" +
			"서명을 먼저 확인), 에이전트 사용자(cwagent)에게 전송할 파일만 POSIX ACL로 읽기 권한을 주고\n" +
			"그 사용자로 파일을 열어 확인합니다(안 되면 이유를 밝히고 root로 실행). 현재 config.json을\n" +
			"백업한 뒤 새 구성을 원자적으로 쓰고 에이전트의 fetch-config를 실행합니다. 에이전트가 새\n" +
			"구성을 거부하면 이전 구성과 ACL을 복원합니다.\n" +
			"--dry-run은 할 일을 모두 출력만 하고 아무것도 바꾸지 않습니다. --root가 /가 아니면\n" +
			"패키지 관리자를 실행하지 않습니다.",
	},
	ApplyFlagAnswers: {
		en: "answers file (YAML or JSON); default: the detected defaults",
		ko: "응답 파일(YAML 또는 JSON). 기본값: 감지된 기본 설정",
	},
	ApplyFlagYes: {
		en: "do it without asking (needed when changes will be made)",
		ko: "묻지 않고 진행합니다(실제로 변경할 때 필요)",
	},
	ApplyFlagDryRun: {
		en: "print every action and change nothing",
		ko: "할 일을 모두 출력만 하고 아무것도 바꾸지 않습니다",
	},
	ApplyFlagKeep: {
		en: "how many config.json.bak.* backups to keep",
		ko: "보관할 config.json.bak.* 백업 개수",
	},
	ApplyFlagNoVerify: {
		en: "skip the delivery check after applying",
		ko: "적용 후 전송 확인을 건너뜁니다",
	},
	ApplyFlagWait: {
		en: "how long to wait for the marker event to arrive in CloudWatch",
		ko: "표식 이벤트가 CloudWatch에 도착하기를 기다릴 최대 시간",
	},
	VerifyShort: {
		en: "Check that the agent runs our config and that logs arrive in CloudWatch",
		ko: "에이전트가 이 구성으로 실행 중이고 로그가 CloudWatch에 도착하는지 확인합니다",
	},
	VerifyLong: {
		en: "verify checks, in order: the agent is running; the config it loaded is the one in\n" +
			"config.json; a marker line written to syslog (logger -t cwsetup <id>) arrives in\n" +
			"the system log group within --wait; and every log group of the config exists with\n" +
			"the retention asked. Reading back needs logs:FilterLogEvents and DescribeLogGroups.",
		ko: "verify는 다음을 차례로 확인합니다. 에이전트가 실행 중인지, 에이전트가 불러온 구성이\n" +
			"config.json과 같은지, syslog에 쓴 표식 줄(logger -t cwsetup <id>)이 --wait 안에 시스템\n" +
			"로그 그룹에 도착하는지, 그리고 구성의 모든 로그 그룹이 요청한 보존 기간으로 존재하는지.\n" +
			"다시 읽으려면 logs:FilterLogEvents와 DescribeLogGroups 권한이 필요합니다.",
	},
	ApplyDryRunHeader: {
		en: "Dry run: nothing below is executed or changed.",
		ko: "시험 실행(dry run): 아래 작업은 실행되거나 변경되지 않습니다.",
	},
	ApplyDryRunFooter: {
		en: "Dry run finished; nothing was changed. Run again with --yes to apply.",
		ko: "시험 실행이 끝났습니다. 아무것도 바뀌지 않았습니다. 적용하려면 --yes를 붙여 다시 실행하세요.",
	},
	ApplyDiffHeader: {
		en: "Changes to the current config (kept: everything cwsetup does not manage):",
		ko: "현재 구성에서 바뀌는 내용 (cwsetup이 관리하지 않는 부분은 그대로 둡니다):",
	},
	ApplyPlannedCmd: {
		en: "  would run: %s",
		ko: "  실행 예정: %s",
	},
	ApplyRunCmd: {
		en: "  $ %s",
		ko: "  $ %s",
	},
	ApplyNeedYes: {
		en: "apply changes this machine; add --yes to go ahead, or --dry-run to see the steps first",
		ko: "apply는 이 서버를 변경합니다. 진행하려면 --yes를, 먼저 단계를 보려면 --dry-run을 붙이세요",
	},
	ApplyDone: {
		en: "Applied: the agent runs with the new config.",
		ko: "적용 완료: 에이전트가 새 구성으로 실행 중입니다.",
	},
	ApplyNoAnswers: {
		en: "No --answers file: using the detected defaults.",
		ko: "--answers 파일이 없어 감지된 기본 설정을 사용합니다.",
	},
	ApplyStepLock: {
		en: "Taking the apply lock %s",
		ko: "적용 잠금을 획득하는 중: %s",
	},
	ApplyStepInstall: {
		en: "Installing the CloudWatch agent (%s, %s)",
		ko: "CloudWatch 에이전트 설치 (%s, %s)",
	},
	ApplyStepUpgrade: {
		en: "Upgrading the CloudWatch agent (%s, %s)",
		ko: "CloudWatch 에이전트 업그레이드 (%s, %s)",
	},
	ApplyStepWrite: {
		en: "Writing %s (backup first, then an atomic replace)",
		ko: "%s 쓰는 중 (먼저 백업한 뒤 원자적으로 교체)",
	},
	ApplyStepFetch: {
		en: "Loading the config into the agent (fetch-config validates it and restarts the agent)",
		ko: "에이전트에 구성을 불러오는 중 (fetch-config가 검증하고 에이전트를 다시 시작합니다)",
	},
	ApplyStepRollback: {
		en: "Restoring the previous config %s",
		ko: "이전 구성으로 복원하는 중: %s",
	},
	ApplyUnchanged: {
		en: "%s already holds this exact config; it is not rewritten.",
		ko: "%s에 이미 똑같은 구성이 있어 다시 쓰지 않습니다.",
	},
	ApplyAlreadyRunning: {
		en: "! The agent (version %s) already runs this config; nothing to do.",
		ko: "! 에이전트(버전 %s)가 이미 이 구성으로 실행 중입니다. 할 일이 없습니다.",
	},
	ApplyFetchOK: {
		en: "The agent accepted the config.",
		ko: "에이전트가 구성을 받아들였습니다.",
	},
	ApplyRunning: {
		en: "Agent running, version %s, config status: %s.",
		ko: "에이전트 실행 중, 버전 %s, 구성 상태: %s.",
	},
	ApplyPlanBackup: {
		en: "  would copy %s to %s",
		ko: "  %s 파일을 %s(으)로 백업 예정",
	},
	ApplyPlanWrite: {
		en: "  would write %s atomically (%d bytes, mode 0644)",
		ko: "  %s 파일을 원자적으로 쓸 예정 (%d바이트, 권한 0644)",
	},
	ApplyPlanPrune: {
		en: "  would remove the old backup %s",
		ko: "  오래된 백업 %s 삭제 예정",
	},
	ApplyPlanDownload: {
		en: "  would download %s to %s",
		ko: "  %s 파일을 %s(으)로 내려받을 예정",
	},
	ApplyPlanVerify: {
		en: "  would verify %s with its .sig against the key %s (fingerprint %s)",
		ko: "  %s 파일을 .sig 서명으로 검증 예정 (키 %s, 지문 %s)",
	},
	ApplyBackedUp: {
		en: "Backed up the previous config to %s",
		ko: "이전 구성을 %s(으)로 백업했습니다",
	},
	ApplyWritten: {
		en: "Wrote %s",
		ko: "%s 파일을 썼습니다",
	},
	ApplyPruneFailed: {
		en: "could not remove old backups: %v",
		ko: "오래된 백업을 지우지 못했습니다: %v",
	},
	ApplyRollbackNoOld: {
		en: "There was no config before; removed the new %s.",
		ko: "이전 구성이 없었으므로 새로 쓴 %s 파일을 지웠습니다.",
	},
	ApplyRolledBack: {
		en: "Restored %s byte for byte and the agent accepted it again.",
		ko: "%s 백업을 그대로 복원했고 에이전트가 다시 받아들였습니다.",
	},
	ApplyJournalOldAgent: {
		en: "System logs on this host are only in the journal, and agent %s cannot read it (needs %s or later): upgrading the agent.",
		ko: "이 서버의 시스템 로그는 저널(journald)에만 있는데, 에이전트 %s은(는) 저널을 읽지 못합니다(%s 이상 필요). 에이전트를 업그레이드합니다.",
	},
	ApplyRsyslogAlternative: {
		en: "  alternative: install and enable rsyslog instead: %s",
		ko: "  대안: 대신 rsyslog를 설치하고 켜기: %s",
	},
	ApplyForeignRoot: {
		en: "--root is %s, not /: the package manager is not run here. Run these steps on the machine itself:",
		ko: "--root가 /가 아니라 %s이므로 패키지 관리자를 실행하지 않습니다. 해당 서버에서 다음 단계를 직접 실행하세요:",
	},
	ApplyInstalled: {
		en: "The CloudWatch agent is installed.",
		ko: "CloudWatch 에이전트를 설치했습니다.",
	},
	ApplyDownloading: {
		en: "Downloading %s",
		ko: "내려받는 중: %s",
	},
	ApplyVerified: {
		en: "Signature of %s checked: signed by key %s.",
		ko: "%s 서명 확인 완료: 키 %s(으)로 서명되었습니다.",
	},
	ApplyErrLockOpen: {
		en: "cannot open the lock file %s: %v",
		ko: "잠금 파일 %s을(를) 열 수 없습니다: %v",
	},
	ApplyErrLocked: {
		en: "another cwsetup (process %s) is applying a config right now (lock %s); wait for it to finish, then run again",
		ko: "다른 cwsetup(프로세스 %s)이 지금 구성을 적용하고 있습니다(잠금 파일 %s). 끝날 때까지 기다린 뒤 다시 실행하세요",
	},
	ApplyErrArch: {
		en: "the agent has no package for the architecture %q; it supports amd64 (x86_64) and arm64 (aarch64)",
		ko: "에이전트는 %q 아키텍처용 패키지가 없습니다. amd64(x86_64)와 arm64(aarch64)만 지원합니다",
	},
	ApplyErrDistro: {
		en: "don't know how to install the agent on %q %q; supported: Amazon Linux, RHEL/Rocky/Alma, Ubuntu, Debian",
		ko: "%q %q에 에이전트를 설치하는 방법을 모릅니다. 지원: Amazon Linux, RHEL/Rocky/Alma, Ubuntu, Debian",
	},
	ApplyErrKeyRead: {
		en: "cannot read the agent's signing key: %v",
		ko: "에이전트 서명 키를 읽을 수 없습니다: %v",
	},
	ApplyErrKeyFingerprint: {
		en: "the downloaded signing key has fingerprint %q, not the agent's %q; nothing was installed",
		ko: "내려받은 서명 키의 지문이 %q(으)로, 에이전트 키 %q과(와) 다릅니다. 아무것도 설치하지 않았습니다",
	},
	ApplyErrSignature: {
		en: "the package's signature does not verify (%v); the download may be corrupt or tampered with, nothing was installed",
		ko: "패키지 서명 검증에 실패했습니다(%v). 내려받은 파일이 손상되었거나 변조되었을 수 있어 설치하지 않았습니다",
	},
	ApplyErrDownload: {
		en: "download of %s failed: %v",
		ko: "%s 내려받기 실패: %v",
	},
	ApplyErrInterrupted: {
		en: "interrupted; the step in progress was finished and its change undone",
		ko: "중단되었습니다. 진행 중이던 단계를 마친 뒤 그 변경을 되돌렸습니다",
	},
	ApplyErrNoCtl: {
		en: "the agent is not installed here: %s is missing (install it first, see the steps above)",
		ko: "에이전트가 설치되어 있지 않습니다: %s 파일이 없습니다(위 단계로 먼저 설치하세요)",
	},
	ApplyErrCtlStart: {
		en: "cannot run %s: %v",
		ko: "%s을(를) 실행할 수 없습니다: %v",
	},
	ApplyErrFetchFailed: {
		en: "the agent rejected the new config (fetch-config exit status %d); the previous config was restored",
		ko: "에이전트가 새 구성을 거부했습니다(fetch-config 종료 코드 %d). 이전 구성을 복원했습니다",
	},
	ApplyErrStatus: {
		en: "cannot read the agent's status: %v",
		ko: "에이전트 상태를 읽을 수 없습니다: %v",
	},
	ApplyErrNotRunning: {
		en: "fetch-config succeeded but the agent is %s (config %s); see the agent's log /opt/aws/amazon-cloudwatch-agent/logs/amazon-cloudwatch-agent.log",
		ko: "fetch-config는 성공했지만 에이전트 상태가 %s입니다(구성 %s). 에이전트 로그 /opt/aws/amazon-cloudwatch-agent/logs/amazon-cloudwatch-agent.log를 확인하세요",
	},
	ApplyErrBackup: {
		en: "cannot back up %s: %v; nothing was changed",
		ko: "%s 파일을 백업할 수 없습니다: %v. 아무것도 바꾸지 않았습니다",
	},
	ApplyErrWrite: {
		en: "cannot write %s: %v",
		ko: "%s 파일을 쓸 수 없습니다: %v",
	},
	ApplyErrRestore: {
		en: "could not restore %s: %v",
		ko: "%s 파일을 복원하지 못했습니다: %v",
	},
	ApplyErrRollbackFetch: {
		en: "the restored config was written back, but fetch-config on it failed too (exit status %d)",
		ko: "이전 구성 파일은 복원했지만, 그 구성으로 실행한 fetch-config도 실패했습니다(종료 코드 %d)",
	},
	ApplyErrInstall: {
		en: "installing the agent failed: %s: %v",
		ko: "에이전트 설치 실패: %s: %v",
	},
	ApplyErrAnswers: {
		en: "cannot build the config from the answers: %v",
		ko: "응답으로 구성을 만들 수 없습니다: %v",
	},
	ApplyExplainSchema: {
		en: "The agent (version %s) found keys or values its schema does not allow:",
		ko: "에이전트(버전 %s)의 스키마가 허용하지 않는 키나 값이 있습니다:",
	},
	ApplyExplainTranslator: {
		en: "The agent (version %s) found settings that contradict each other:",
		ko: "에이전트(버전 %s)가 서로 맞지 않는 설정을 찾았습니다:",
	},
	ApplyExplainPath: {
		en: "  at %s: %s",
		ko: "  위치 %s: %s",
	},
	ApplyExplainAgentSaid: {
		en: "  the agent said: %s",
		ko: "  에이전트 메시지: %s",
	},
	ApplyExplainCredentials: {
		en: "The agent found no AWS credentials or region (%s). Attach an IAM role to this instance (cwsetup iam setup, or the console's \"Modify IAM role\"), then run apply again; never put access keys on the server.",
		ko: "에이전트가 AWS 자격 증명이나 리전을 찾지 못했습니다(%s). 이 인스턴스에 IAM 역할을 연결한 뒤(cwsetup iam setup 또는 콘솔의 \"IAM 역할 수정\") apply를 다시 실행하세요. 서버에 액세스 키를 두지 마세요.",
	},
	ApplyExplainSecondPhase: {
		en: "The agent accepted the JSON but its own start test (-schematest) failed:\n%s",
		ko: "에이전트가 JSON은 받아들였지만 자체 검사(-schematest)에서 실패했습니다:\n%s",
	},
	ApplyExplainStart: {
		en: "The config is valid but the agent service did not start:\n%s\nCheck: systemctl status amazon-cloudwatch-agent, and the agent's log.",
		ko: "구성은 올바르지만 에이전트 서비스가 시작되지 않았습니다:\n%s\n확인: systemctl status amazon-cloudwatch-agent 및 에이전트 로그.",
	},
	ApplyExplainUnknown: {
		en: "fetch-config failed with exit status %d; the agent's last words:\n%s",
		ko: "fetch-config가 종료 코드 %d(으)로 실패했습니다. 에이전트의 마지막 출력:\n%s",
	},
	ApplyHintRetention: {
		en: "  → retention must be one of -1, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days; change it in the answers file.",
		ko: "  → 보존 기간은 -1, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653일 중 하나여야 합니다. 응답 파일에서 고치세요.",
	},
	ApplyHintRetentionConflict: {
		en: "  → files sending to the same log group must use the same retention; align them in the answers file.",
		ko: "  → 같은 로그 그룹으로 보내는 파일은 보존 기간이 같아야 합니다. 응답 파일에서 맞추세요.",
	},
	ApplyHintClassConflict: {
		en: "  → files sending to the same log group must use the same log group class; align them in the answers file.",
		ko: "  → 같은 로그 그룹으로 보내는 파일은 로그 그룹 클래스가 같아야 합니다. 응답 파일에서 맞추세요.",
	},
	ApplyHintTimestamp: {
		en: "  → the timestamp format is not one the agent understands; pick one from the list (cwsetup detect shows the checked format for each log).",
		ko: "  → 에이전트가 이해하지 못하는 타임스탬프 형식입니다. 목록에서 고르세요(cwsetup detect가 로그마다 확인된 형식을 보여 줍니다).",
	},
	ApplyHintUnknownKey: {
		en: "  → this agent version does not know that key; remove it, or upgrade the agent.",
		ko: "  → 이 에이전트 버전은 그 키를 모릅니다. 키를 지우거나 에이전트를 업그레이드하세요.",
	},
	ApplyHintCollectd: {
		en: "  → the config asks for collectd metrics but collectd is not installed; remove metrics_collected.collectd or install collectd.",
		ko: "  → 구성이 collectd 지표를 요구하지만 collectd가 설치되어 있지 않습니다. metrics_collected.collectd를 지우거나 collectd를 설치하세요.",
	},
	ApplyRollbackFailed: {
		en: "ROLLBACK FAILED: %v. The previous config is in %s; restore it by hand and run fetch-config.",
		ko: "복원 실패: %v. 이전 구성은 %s에 있습니다. 직접 복원한 뒤 fetch-config를 실행하세요.",
	},
	VerifyErrNoConfig: {
		en: "no agent config at %s; run cwsetup apply first",
		ko: "%s에 에이전트 구성이 없습니다. 먼저 cwsetup apply를 실행하세요",
	},
	VerifyErrBadConfig: {
		en: "cannot read the agent config %s: %v",
		ko: "에이전트 구성 %s을(를) 읽을 수 없습니다: %v",
	},
	VerifyErrDeadline: {
		en: "verify stopped after %s (--wait %s, and %s more for AWS to answer): AWS did not answer in time; see the checks above",
		ko: "확인을 %s 후에 중단했습니다(--wait %s, AWS 응답 대기 %s 추가): AWS가 제때 응답하지 않았습니다. 위의 항목을 보세요",
	},
	VerifyErrFailed: {
		en: "verification failed; see the checks above",
		ko: "확인에 실패했습니다. 위의 항목을 보세요",
	},
	VerifyNoCtl: {
		en: "the agent is not installed (%s is missing); run cwsetup apply",
		ko: "에이전트가 설치되어 있지 않습니다(%s 없음). cwsetup apply를 실행하세요",
	},
	VerifyNotRunning: {
		en: "the agent is %s (config %s); start it with cwsetup apply, and read its log if it stops again",
		ko: "에이전트 상태가 %s입니다(구성 %s). cwsetup apply로 시작하고, 다시 멈추면 에이전트 로그를 확인하세요",
	},
	VerifyRunning: {
		en: "agent running (version %s, since %s)",
		ko: "에이전트 실행 중 (버전 %s, 시작 %s)",
	},
	VerifyNotLoaded: {
		en: "the agent has not loaded any config from file (%s is missing); run cwsetup apply",
		ko: "에이전트가 파일에서 구성을 불러오지 않았습니다(%s 없음). cwsetup apply를 실행하세요",
	},
	VerifyLoadedDiffers: {
		en: "the agent runs the config in %s, which differs from %s; run cwsetup apply to load it",
		ko: "에이전트는 %s의 구성으로 실행 중이며 %s와 다릅니다. cwsetup apply로 불러오세요",
	},
	VerifyLoaded: {
		en: "the agent runs the config in %s",
		ko: "에이전트가 %s 구성으로 실행 중입니다",
	},
	VerifyReadDenied: {
		en: "AWS refused %s: the credentials in use may not read logs back. The agent's least-privilege role only needs to write; run verify with credentials that may read logs (e.g. in CloudShell), or add logs:DescribeLogGroups and logs:FilterLogEvents for this check",
		ko: "AWS가 %s 요청을 거부했습니다. 지금 쓰는 자격 증명으로는 로그를 다시 읽을 수 없습니다. 에이전트의 최소 권한 역할은 쓰기만 하면 되므로, 로그를 읽을 수 있는 자격 증명으로(예: CloudShell) verify를 실행하거나, 이 확인을 위해 logs:DescribeLogGroups와 logs:FilterLogEvents 권한을 추가하세요",
	},
	VerifyReadFailed: {
		en: "cannot read from CloudWatch Logs: %v",
		ko: "CloudWatch Logs에서 읽을 수 없습니다: %v",
	},
	VerifyNoSystemLog: {
		en: "the config ships no system log (syslog, messages or journal), so no marker line can be traced",
		ko: "구성에 시스템 로그(syslog, messages, 저널)가 없어 표식 줄을 추적할 수 없습니다",
	},
	VerifyNoReader: {
		en: "cannot check CloudWatch Logs: %v",
		ko: "CloudWatch Logs를 확인할 수 없습니다: %v",
	},
	VerifyMarkerWrite: {
		en: "could not write the marker line: %v",
		ko: "표식 줄을 쓰지 못했습니다: %v",
	},
	VerifyMarkerArrived: {
		en: "marker %s arrived in %s after %s",
		ko: "표식 %s이(가) %s 로그 그룹에 도착했습니다 (%s 걸림)",
	},
	VerifyMarkerTimeout: {
		en: "marker %s did not arrive in %s within %s; check the agent's log for errors (credentials, network, file permissions)",
		ko: "표식 %s이(가) %s 로그 그룹에 %s 안에 도착하지 않았습니다. 에이전트 로그에서 오류(자격 증명, 네트워크, 파일 권한)를 확인하세요",
	},
	VerifyCredsInLog: {
		en: "the agent's log says it has no credentials: %s. Attach the IAM role to this instance (cwsetup iam setup).",
		ko: "에이전트 로그에 자격 증명이 없다는 오류가 있습니다: %s. 이 인스턴스에 IAM 역할을 연결하세요(cwsetup iam setup).",
	},
	VerifyJournalForeignRoot: {
		en: "the system log comes from the journal, which cannot be written under --root %s; run verify on the machine itself",
		ko: "시스템 로그를 저널에서 읽는데, --root %s 아래에서는 저널에 쓸 수 없습니다. 해당 서버에서 직접 verify를 실행하세요",
	},
	VerifyGroupMissing: {
		en: "log group %s does not exist yet; the agent creates it with the first line of its file",
		ko: "로그 그룹 %s이(가) 아직 없습니다. 에이전트가 해당 파일의 첫 줄을 보낼 때 만듭니다",
	},
	VerifyGroupOK: {
		en: "log group %s exists, retention: %s",
		ko: "로그 그룹 %s 있음, 보존 기간: %s",
	},
	VerifyGroupRetention: {
		en: "log group %s has retention %s, but the config asks for %s; set it in the console or run cwsetup apply again",
		ko: "로그 그룹 %s의 보존 기간이 %s인데 구성은 %s입니다. 콘솔에서 바꾸거나 cwsetup apply를 다시 실행하세요",
	},
	VerifyNeverExpire: {
		en: "never expire",
		ko: "만료 없음",
	},
	VerifyDays: {
		en: "%d days",
		ko: "%d일",
	},
	VerifyPassed: {
		en: "Verified: the agent runs this config and logs arrive in CloudWatch.",
		ko: "확인 완료: 에이전트가 이 구성으로 실행 중이고 로그가 CloudWatch에 도착합니다.",
	},
	VerifyLabelPass: {
		en: "ok  ",
		ko: "통과",
	},
	VerifyLabelFail: {
		en: "FAIL",
		ko: "실패",
	},
	VerifyLabelWarn: {
		en: "wait",
		ko: "대기",
	},
	VerifyLabelSkip: {
		en: "skip",
		ko: "생략",
	},
})

// apply and verify: the agent's user (cwagent), its ACL grants, the
// readability proof and the fall back to root.
const (
	ApplyStepAccess      Key = "apply.step.access"
	ApplyFlagRunAs       Key = "apply.flag.run_as"
	ApplyStepAccessUndo  Key = "apply.step.access_undo"
	ApplyAgentAsRoot     Key = "apply.agent_as_root"
	ApplyPlanProve       Key = "apply.plan.prove"
	ApplyAccessProven    Key = "apply.access_proven"
	ApplyAccessUndone    Key = "apply.access_undone"
	ApplyUserCreated     Key = "apply.user_created"
	ApplyErrACLRestore   Key = "apply.err.acl_restore"
	ApplyErrAccessUndo   Key = "apply.err.access_undo"
	ApplyErrNoRootConfig Key = "apply.err.no_root_config"
	ApplyAccessUndoFail  Key = "apply.access_undo_failed"

	AccessWhyRequested   Key = "access.why.requested"
	AccessWhyConfig      Key = "access.why.config"
	AccessWhyNoUser      Key = "access.why.no_user"
	AccessWhyNoUserRoot  Key = "access.why.no_user_root"
	AccessWhyNoACL       Key = "access.why.no_acl"
	AccessWhyNoTool      Key = "access.why.no_tool"
	AccessWhyGrantFailed Key = "access.why.grant_failed"
	AccessWhyCreateUser  Key = "access.why.create_user"
	AccessWhyJoin        Key = "access.why.join"
	AccessWhyProbe       Key = "access.why.probe"
	AccessWhyUnreadable  Key = "access.why.unreadable"

	VerifyAgentUser     Key = "verify.agent_user"
	VerifyAgentRoot     Key = "verify.agent_root"
	VerifyUserMissing   Key = "verify.user_missing"
	VerifyReadableAs    Key = "verify.readable_as"
	VerifyNotReadableAs Key = "verify.not_readable_as"
	VerifyProbeFailed   Key = "verify.probe_failed"
	VerifyProbeNotRoot  Key = "verify.probe_not_root"
)

var _ = add(map[Key]text{
	ApplyFlagRunAs: {
		en: "user the agent runs as, overriding the answers' run_as_user (default cwagent; root skips the ACL grants)",
		ko: "에이전트를 실행할 사용자. 응답의 run_as_user보다 우선합니다(기본값 cwagent, root면 ACL 권한을 부여하지 않음)",
	},
	ApplyStepAccess: {
		en: "Granting %s read access to the shipped logs (%d files)",
		ko: "%s 사용자에게 전송할 로그의 읽기 권한을 부여하는 중(파일 %d개)",
	},
	ApplyStepAccessUndo: {
		en: "Undoing the read access grants (%d paths)",
		ko: "읽기 권한 부여를 되돌리는 중(경로 %d개)",
	},
	ApplyAgentAsRoot: {
		en: "The agent runs as root: %s",
		ko: "에이전트를 root로 실행합니다: %s",
	},
	ApplyPlanProve: {
		en: "  would open each of the %d files and %d directories as %s (uid %s) before fetch-config",
		ko: "  fetch-config 전에 파일 %d개와 디렉터리 %d개를 %s(uid %s) 사용자 권한으로 열어 확인할 예정",
	},
	ApplyAccessProven: {
		en: "%s (uid %d) can read every shipped file (opened with its uid and groups — files: %d, directories: %d).",
		ko: "%s(uid %d) 사용자는 전송할 파일을 모두 읽을 수 있습니다. 해당 uid와 그룹으로 파일 %d개, 디렉터리 %d개를 열어 확인했습니다.",
	},
	ApplyAccessUndone: {
		en: "Restored the previous ACL of %d paths exactly (getfacl before = after).",
		ko: "경로 %d개의 이전 ACL을 그대로 복원했습니다(getfacl 결과가 이전과 같음).",
	},
	ApplyUserCreated: {
		en: "Created the user %s as the agent's package does (system user, no login shell).",
		ko: "에이전트 패키지와 같은 방식으로 %s 사용자를 만들었습니다(시스템 사용자, 로그인 셸 없음).",
	},
	AccessWhyJoin: {
		en: "adding %s to the group %s failed: %v",
		ko: "%s 사용자를 %s 그룹에 추가하지 못했습니다: %v",
	},
	ApplyErrACLRestore: {
		en: "restoring the ACL of %s failed: %v",
		ko: "%s의 ACL 복원에 실패했습니다: %v",
	},
	ApplyErrAccessUndo: {
		en: "undoing %s failed: %v",
		ko: "%s 되돌리기에 실패했습니다: %v",
	},
	ApplyErrNoRootConfig: {
		en: "the agent cannot run as %s (%v) and no root variant of the config was given; nothing was changed",
		ko: "에이전트를 %s 사용자로 실행할 수 없고(%v) root용 구성이 주어지지 않았습니다. 아무것도 바꾸지 않았습니다",
	},
	ApplyAccessUndoFail: {
		en: "Could not undo every read access grant: %v. Check the ACLs with getfacl.",
		ko: "읽기 권한 부여를 모두 되돌리지 못했습니다: %v. getfacl로 ACL을 확인하세요.",
	},

	AccessWhyRequested: {
		en: "the config asks for it (agent.run_as_user is %q)",
		ko: "구성이 그렇게 지정합니다(agent.run_as_user가 %q)",
	},
	AccessWhyConfig: {
		en: "the config's log sources cannot be read: %v",
		ko: "구성의 로그 소스를 읽을 수 없습니다: %v",
	},
	AccessWhyNoUser: {
		en: "the user %s does not exist; create it, or set run_as_user to root or cwagent",
		ko: "%s 사용자가 없습니다. 사용자를 만들거나 run_as_user를 root 또는 cwagent로 지정하세요",
	},
	AccessWhyNoUserRoot: {
		en: "the user %s is not in %s (cwsetup creates only cwagent, and only in a root with its own /etc/passwd)",
		ko: "%s 사용자가 %s에 없습니다(cwsetup은 cwagent만, 자체 /etc/passwd가 있는 루트에서만 만듭니다)",
	},
	AccessWhyNoACL: {
		en: "%s is on a filesystem without POSIX ACL support",
		ko: "%s 경로의 파일 시스템이 POSIX ACL을 지원하지 않습니다",
	},
	AccessWhyNoTool: {
		en: "setfacl and getfacl are not installed (install the acl package and run apply again to use cwagent)",
		ko: "setfacl과 getfacl이 설치되어 있지 않습니다(cwagent로 실행하려면 acl 패키지를 설치하고 apply를 다시 실행하세요)",
	},
	AccessWhyGrantFailed: {
		en: "granting read access on %s failed: %v",
		ko: "%s 경로에 읽기 권한을 부여하지 못했습니다: %v",
	},
	AccessWhyCreateUser: {
		en: "creating the user %s failed: %v",
		ko: "%s 사용자를 만들지 못했습니다: %v",
	},
	AccessWhyProbe: {
		en: "the readability check as %s could not run: %v",
		ko: "%s 권한으로 읽기 확인을 실행하지 못했습니다: %v",
	},
	AccessWhyUnreadable: {
		en: "%s is still not readable as %s after the grants: %v",
		ko: "권한을 부여한 뒤에도 %s 파일을 %s 사용자 권한으로 읽을 수 없습니다: %v",
	},

	VerifyAgentUser: {
		en: "the agent runs as %s (uid %d)",
		ko: "에이전트가 %s(uid %d) 사용자로 실행됩니다",
	},
	VerifyAgentRoot: {
		en: "the agent runs as root (agent.run_as_user is %q); it reads every file",
		ko: "에이전트가 root로 실행됩니다(agent.run_as_user가 %q). 모든 파일을 읽을 수 있습니다",
	},
	VerifyUserMissing: {
		en: "the agent runs as %s, but that user does not exist: the agent cannot start",
		ko: "에이전트가 %s 사용자로 실행되도록 되어 있지만 그 사용자가 없어 에이전트가 시작할 수 없습니다",
	},
	VerifyReadableAs: {
		en: "%s is readable as %s",
		ko: "%s 파일을 %s 사용자 권한으로 읽을 수 있습니다",
	},
	VerifyNotReadableAs: {
		en: "%s is not readable as %s: %v (run cwsetup apply to grant it)",
		ko: "%s 파일을 %s 사용자 권한으로 읽을 수 없습니다: %v (cwsetup apply로 권한을 부여하세요)",
	},
	VerifyProbeFailed: {
		en: "could not check the files as %s: %v",
		ko: "%s 권한으로 파일을 확인하지 못했습니다: %v",
	},
	VerifyProbeNotRoot: {
		en: "the files can be checked as %s only when cwsetup runs as root",
		ko: "cwsetup을 root로 실행해야 %s 권한으로 파일을 확인할 수 있습니다",
	},
})
