package i18n

// Migration from the old CloudWatch Logs agent (awslogs): why a setting of
// a section could not be carried over. Args: section, key, value.
const (
	AwslogsNoteDirective   Key = "awslogs.note.directive"
	AwslogsNoteMismatch    Key = "awslogs.note.mismatch"
	AwslogsNotePlaceholder Key = "awslogs.note.placeholder"
	AwslogsNotePattern     Key = "awslogs.note.pattern"
	AwslogsNoteEncoding    Key = "awslogs.note.encoding"
	AwslogsNoteAgentWide   Key = "awslogs.note.agent_wide"
	AwslogsNoteFingerprint Key = "awslogs.note.fingerprint"
	AwslogsNoteTimezone    Key = "awslogs.note.timezone"
	AwslogsNoteMissingKey  Key = "awslogs.note.missing_key"
	AwslogsNoteBadGroup    Key = "awslogs.note.bad_group"
	AwslogsNoteBadPath     Key = "awslogs.note.bad_path"
	AwslogsNoteDuplicate   Key = "awslogs.note.duplicate"
	AwslogsNoteUnknownKey  Key = "awslogs.note.unknown_key"
	AwslogsFromConfig      Key = "awslogs.from_config"
	AwslogsSumLog          Key = "awslogs.sum.log"
	AwslogsSumNotes        Key = "awslogs.sum.notes"
	AwslogsSumStopSystemd  Key = "awslogs.sum.stop_systemd"
	AwslogsSumStopSysV     Key = "awslogs.sum.stop_sysv"
	AwslogsSumUnread       Key = "awslogs.sum.unread"
)

var _ = add(map[Key]text{
	AwslogsNoteDirective: {
		en: "[%s] %s = %s: the new agent has no equivalent for a directive in it; events get the time they are read",
		ko: "[%s] %s = %s: 새 에이전트에 없는 지시자가 있어 이벤트 시간은 읽은 시각이 됩니다",
	},
	AwslogsNoteMismatch: {
		en: "[%s] %s = %s: the converted format does not parse the file's last lines, so it is not used",
		ko: "[%s] %s = %s: 변환한 형식이 파일의 마지막 줄을 해석하지 못해 사용하지 않습니다",
	},
	AwslogsNotePlaceholder: {
		en: "[%s] %s = %s: the new agent does not know a placeholder in it; the stream is {instance_id}",
		ko: "[%s] %s = %s: 새 에이전트가 모르는 자리표시자가 있어 스트림은 {instance_id}입니다",
	},
	AwslogsNotePattern: {
		en: "[%s] %s = %s: a Python expression Go's regular expressions cannot compile; each line is its own event",
		ko: "[%s] %s = %s: Go 정규식으로 컴파일할 수 없는 Python 표현식이라 줄마다 별도 이벤트가 됩니다",
	},
	AwslogsNoteEncoding: {
		en: "[%s] %s = %s: cwsetup ships UTF-8 only; convert the file or add the agent's encoding by hand",
		ko: "[%s] %s = %s: cwsetup은 UTF-8만 보냅니다. 파일을 변환하거나 에이전트의 encoding을 직접 추가하세요",
	},
	AwslogsNoteAgentWide: {
		en: "[%s] %s = %s: the new agent batches every log alike (logs.force_flush_interval); not carried over",
		ko: "[%s] %s = %s: 새 에이전트는 모든 로그를 같은 방식으로 묶어 보내므로(logs.force_flush_interval) 옮기지 않습니다",
	},
	AwslogsNoteFingerprint: {
		en: "[%s] %s = %s: the new agent recognises files its own way; not carried over",
		ko: "[%s] %s = %s: 새 에이전트는 파일을 자체 방식으로 식별하므로 옮기지 않습니다",
	},
	AwslogsNoteTimezone: {
		en: "[%s] %s = %s: only LOCAL and UTC exist; the timezone is Local",
		ko: "[%s] %s = %s: LOCAL과 UTC만 있으므로 시간대는 Local입니다",
	},
	AwslogsNoteMissingKey: {
		en: "[%s] %s = %s: a section without file and log_group_name; skipped, as the old agent does",
		ko: "[%s] %s = %s: file과 log_group_name이 없는 섹션이라 이전 에이전트처럼 건너뜁니다",
	},
	AwslogsNoteBadGroup: {
		en: "[%s] %s = %s: CloudWatch Logs does not accept this log group name; skipped",
		ko: "[%s] %s = %s: CloudWatch Logs가 받지 않는 로그 그룹 이름이라 건너뜁니다",
	},
	AwslogsNoteBadPath: {
		en: "[%s] %s = %s: cwsetup never ships this file (a secret or a pseudo-file); skipped",
		ko: "[%s] %s = %s: cwsetup이 보내지 않는 파일(비밀 정보 또는 가상 파일)이라 건너뜁니다",
	},
	AwslogsNoteDuplicate: {
		en: "[%s] %s = %s: an earlier section already ships this file; skipped",
		ko: "[%s] %s = %s: 앞 섹션에서 이미 보내는 파일이라 건너뜁니다",
	},
	AwslogsNoteUnknownKey: {
		en: "[%s] %s = %s: the old agent ignores this key too",
		ko: "[%s] %s = %s: 이전 에이전트도 무시하는 키입니다",
	},
	AwslogsFromConfig: {
		en: "These %d logs come from your awslogs config (%s):",
		ko: "이 로그 %d개는 awslogs 설정(%s)에서 가져왔습니다:",
	},
	// Args: path, section, file:line, stream name.
	AwslogsSumLog: {
		en: "  %s: section [%s] (%s), log stream %s",
		ko: "  %s: [%s] 섹션 (%s), 로그 스트림 %s",
	},
	AwslogsSumNotes: {
		en: "Not carried over from awslogs as it was:",
		ko: "awslogs 설정에서 그대로 옮기지 못한 항목:",
	},
	// Args: service name (twice).
	AwslogsSumStopSystemd: {
		en: "The old agent (%s) still ships these files: once cwsetup verify shows the new agent delivering, stop it (systemctl disable --now %s), or every line is shipped twice.",
		ko: "이전 에이전트(%s)가 아직 이 파일들을 보내고 있습니다. cwsetup verify로 새 에이전트의 전송을 확인한 뒤 중지하세요(systemctl disable --now %s). 그러지 않으면 모든 줄이 두 번 전송됩니다.",
	},
	// Args: service name (three times).
	AwslogsSumStopSysV: {
		en: "The old agent (%s) still ships these files: once cwsetup verify shows the new agent delivering, stop it (service %s stop; chkconfig %s off), or every line is shipped twice.",
		ko: "이전 에이전트(%s)가 아직 이 파일들을 보내고 있습니다. cwsetup verify로 새 에이전트의 전송을 확인한 뒤 중지하세요(service %s stop; chkconfig %s off). 그러지 않으면 모든 줄이 두 번 전송됩니다.",
	},
	// Args: the reason.
	AwslogsSumUnread: {
		en: "An awslogs config exists but could not be read (%s): its logs are not carried over.",
		ko: "awslogs 설정이 있지만 읽을 수 없어(%s) 그 로그는 옮기지 않았습니다.",
	},
})
