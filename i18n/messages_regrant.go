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
	UndoErrRecord         Key = "undo.err.record"
	UndoErrNothing        Key = "undo.err.nothing"
	UndoErrReload         Key = "undo.err.reload"
	UndoErrPartial        Key = "undo.err.partial"
	UndoErrSave           Key = "undo.err.save"
	UndoShort             Key = "undo.short"
	UndoLong              Key = "undo.long"
	UndoDone              Key = "undo.done"
	UndoConfigRestored    Key = "undo.config.restored"
	UndoConfigRemoved     Key = "undo.config.removed"
	UndoHookRemoved       Key = "undo.hook.removed"
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
	UndoErrRecord: {
		en: "the undo record %s cannot be read (%v); nothing was changed",
		ko: "되돌리기 기록 %s을(를) 읽을 수 없습니다(%v). 아무것도 바꾸지 않았습니다",
	},
	UndoErrNothing: {
		en: "nothing to undo: %s does not exist (cwsetup apply has not changed this machine, or undo already ran)",
		ko: "되돌릴 것이 없습니다. %s 파일이 없습니다(cwsetup apply가 이 서버를 바꾸지 않았거나 이미 되돌렸습니다)",
	},
	UndoErrReload: {
		en: "the previous config was written back to %s, but fetch-config on it failed",
		ko: "이전 구성을 %s에 되돌려 썼지만 fetch-config가 실패했습니다",
	},
	UndoErrPartial: {
		en: "undo finished with %d errors (listed above); the record %s is kept, so undo can run again",
		ko: "되돌리기 중 오류가 %d개 있었습니다(위 목록). 기록 %s은(는) 남겨 두었으므로 다시 실행할 수 있습니다",
	},
	UndoErrSave: {
		en: "the undo record %s was not written (%v): cwsetup undo cannot take this apply back; the steps below can",
		ko: "되돌리기 기록 %s을(를) 쓰지 못했습니다(%v). cwsetup undo로는 이번 apply를 되돌릴 수 없으니 아래 단계를 따르세요",
	},
	UndoShort: {
		en: "Take back what cwsetup apply changed: read access grants, the rotation hook and the agent config",
		ko: "cwsetup apply가 바꾼 것(읽기 권한, 로그 순환 후크, 에이전트 구성)을 되돌리기",
	},
	UndoLong: {
		en: "undo reads the record apply keeps in /var/lib/cwsetup/undo.json and takes back exactly what it lists: the regrant units are disabled and removed, the agent config is put back as it was before the first apply and loaded (or removed and the agent stopped, when there was none), every ACL cwsetup changed is restored onto the same file and compared with getfacl (a file a rotation re-created has only cwagent's entries removed), and a user or group membership cwsetup added is removed. The record is removed only when all of that succeeded.",
		ko: "undo는 apply가 /var/lib/cwsetup/undo.json에 남긴 기록을 읽고 기록된 것만 정확히 되돌립니다. regrant 유닛을 중지하고 지우며, 에이전트 구성을 첫 apply 이전 상태로 되돌려 다시 불러오고(이전 구성이 없었으면 지우고 에이전트를 중지), cwsetup이 바꾼 ACL을 모두 같은 파일에 복원한 뒤 getfacl로 비교합니다(로그 순환으로 새로 만들어진 파일은 cwagent 항목만 지움). cwsetup이 추가한 사용자나 그룹 구성원도 제거합니다. 모두 성공했을 때만 기록을 지웁니다.",
	},
	UndoDone: {
		en: "Undone: %d ACLs restored exactly (getfacl compared), %d cwagent entries removed from files a rotation re-created.",
		ko: "되돌렸습니다. ACL %d개를 그대로 복원했고(getfacl로 비교), 로그 순환으로 새로 만들어진 파일에서 cwagent 항목 %d개를 지웠습니다.",
	},
	UndoConfigRestored: {
		en: "The agent config before the first apply is back in place and loaded.",
		ko: "첫 apply 이전의 에이전트 구성을 되돌려 다시 불러왔습니다.",
	},
	UndoConfigRemoved: {
		en: "There was no agent config before: it was removed and the agent stopped.",
		ko: "이전 에이전트 구성이 없었으므로 구성을 지우고 에이전트를 중지했습니다.",
	},
	UndoHookRemoved: {
		en: "The rotation hook (cwsetup-regrant.path and .service) is disabled and removed.",
		ko: "로그 순환 후크(cwsetup-regrant.path, .service)를 중지하고 지웠습니다.",
	},
})
