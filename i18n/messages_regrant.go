package i18n

// cwsetup regrant: read access set again after a log rotation.
const (
	RegrantErrNoConfig    Key = "regrant.err.no_config"
	RegrantWhyUserChanged Key = "regrant.why.user_changed"
	RegrantShort          Key = "regrant.short"
	RegrantLong           Key = "regrant.long"
	RegrantDone           Key = "regrant.done"
	RegrantNothing        Key = "regrant.nothing"
	RegrantSkipped        Key = "regrant.skipped"
	ApplyStepHook         Key = "regrant.hook.step"
	ApplyHookFailed       Key = "regrant.hook.failed"
	ApplyHookNotEnabled   Key = "regrant.hook.not_enabled"
	ApplyHookDone         Key = "regrant.hook.done"
)

var _ = add(map[Key]text{
	RegrantErrNoConfig: {
		en: "cannot read the agent's config %s: %v (run cwsetup apply first)",
		ko: "에이전트 구성 파일 %s을(를) 읽을 수 없습니다: %v (먼저 cwsetup apply를 실행하세요)",
	},
	RegrantWhyUserChanged: {
		en: "the user %s or its groups changed since apply; run cwsetup apply again",
		ko: "apply 이후 사용자 %s 또는 그 그룹이 바뀌었습니다. cwsetup apply를 다시 실행하세요",
	},
	RegrantShort: {
		en: "Grant the agent's user read access again to logs a rotation re-created",
		ko: "로그 순환으로 새로 만들어진 로그에 에이전트 사용자의 읽기 권한을 다시 부여",
	},
	RegrantLong: {
		en: "A rotation makes a new file, and some rotations (logrotate's create 600, rsyslog's $FileCreateMode 0600) leave the agent's user without read access. regrant plans read access for the agent's current config on the files as they are now, sets only what is missing (on each file as it is, never through a link) and proves each file readable as that user. It never creates users or changes the config. apply installs a systemd path unit (cwsetup-regrant.path) that runs it when a shipped log's directory changes.",
		ko: "로그 순환은 새 파일을 만들며, 일부 순환 방식(logrotate의 create 600, rsyslog의 $FileCreateMode 0600)은 에이전트 사용자의 읽기 권한을 없앱니다. regrant는 현재 에이전트 구성의 파일을 지금 상태 그대로 보고 빠진 권한만 부여하고(링크를 따라가지 않고 파일 자체에), 각 파일을 그 사용자로 열어 확인합니다. 사용자를 만들거나 구성을 바꾸지 않습니다. apply는 전송하는 로그의 디렉터리가 바뀔 때 이 명령을 실행하는 systemd 경로 유닛(cwsetup-regrant.path)을 설치합니다.",
	},
	RegrantDone: {
		en: "Granted %s read access again on %d paths; all %d shipped files are readable as %s.",
		ko: "%s에 %d개 경로의 읽기 권한을 다시 부여했습니다. 전송하는 파일 %d개 모두 %s 사용자로 읽을 수 있습니다.",
	},
	RegrantNothing: {
		en: "Nothing to grant: all %d shipped files are readable as %s.",
		ko: "부여할 권한이 없습니다. 전송하는 파일 %d개 모두 %s 사용자로 읽을 수 있습니다.",
	},
	RegrantSkipped: {
		en: "Nothing granted: %v",
		ko: "권한을 부여하지 않았습니다: %v",
	},
	ApplyStepHook: {
		en: "==> Keeping read access through log rotations (a systemd path unit watching %d directories runs cwsetup regrant)",
		ko: "==> 로그 순환 후에도 읽기 권한 유지(디렉터리 %d개를 지켜보는 systemd 경로 유닛이 cwsetup regrant를 실행)",
	},
	ApplyHookFailed: {
		en: "the rotation hook was not installed (%v): after a rotation, run cwsetup regrant yourself (for example in the logrotate stanza's postrotate)",
		ko: "로그 순환 후크를 설치하지 못했습니다(%v). 로그 순환 뒤에는 cwsetup regrant를 직접 실행하세요(예: logrotate 설정의 postrotate)",
	},
	ApplyHookNotEnabled: {
		en: "    the units are written under --root; on the machine itself run: systemctl daemon-reload && systemctl enable --now cwsetup-regrant.path",
		ko: "    유닛 파일은 --root 아래에 썼습니다. 해당 서버에서 실행하세요: systemctl daemon-reload && systemctl enable --now cwsetup-regrant.path",
	},
	ApplyHookDone: {
		en: "cwsetup-regrant.path is enabled: a rotation that drops cwagent's read access is repaired at once.",
		ko: "cwsetup-regrant.path를 활성화했습니다. 로그 순환으로 cwagent의 읽기 권한이 사라지면 바로 다시 부여합니다.",
	},
})
