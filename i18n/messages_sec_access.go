package i18n

// Read access granted on what a file really is (symlinks, device files,
// homes, other principals' ACL masks).
const (
	AccessErrRefused      Key = "access.err.refused"
	AccessWhyRefusedLink  Key = "access.why.refused_link"
	AccessWhyNotRegular   Key = "access.why.not_regular"
	AccessWhyPrivateDir   Key = "access.why.private_dir"
	AccessWhyNotLogDir    Key = "access.why.not_log_dir"
	AccessWhyWidensOthers Key = "access.why.widens_others"
	AccessWhyHardLink     Key = "access.why.hard_link"
	AccessWhySwapped      Key = "access.why.swapped"
	ApplyFlagAllowPath    Key = "apply.flag.allow_path"
	ApplyErrAllowPath     Key = "apply.err.allow_path"
	ApplyWhyAllowAbs      Key = "apply.why.allow_abs"
	ApplyWhyAllowRoot     Key = "apply.why.allow_root"
)

var _ = add(map[Key]text{
	AccessErrRefused: {
		en: "%s cannot be shipped: %v; nothing was changed (remove it from the answers or fix the file)",
		ko: "%s 파일은 전송할 수 없습니다: %v. 아무것도 바꾸지 않았습니다(답변에서 빼거나 파일을 고치세요)",
	},
	AccessWhyRefusedLink: {
		en: "it leads to %s, which cwsetup never reads or ships",
		ko: "%s 경로로 이어지며, cwsetup은 이 경로를 읽거나 전송하지 않습니다",
	},
	AccessWhyNotRegular: {
		en: "%s is not a regular file (a FIFO, device or directory is never a log)",
		ko: "%s 경로는 일반 파일이 아닙니다(FIFO, 장치, 디렉터리는 로그가 아닙니다)",
	},
	AccessWhyPrivateDir: {
		en: "%s is under a home directory, /root, /etc or a dot-directory, where cwsetup never grants access to another user",
		ko: "%s 경로는 홈 디렉터리, /root, /etc 또는 점(.) 디렉터리 아래에 있어 cwsetup이 다른 사용자에게 권한을 주지 않습니다",
	},
	AccessWhyNotLogDir: {
		en: "%s is outside /var/log; pass --allow-path with its directory to grant cwagent read access there",
		ko: "%s 경로가 /var/log 밖에 있습니다. 그곳에 cwagent 읽기 권한을 주려면 해당 디렉터리를 --allow-path로 지정하세요",
	},
	AccessWhyWidensOthers: {
		en: "granting cwagent on %s would raise the ACL mask and give %s more access than it has now",
		ko: "%s 경로에 cwagent 권한을 주면 ACL 마스크가 넓어져 %s의 권한도 지금보다 커집니다",
	},
	AccessWhyHardLink: {
		en: "%s has %d names (hard links): one of them may be a secret file under a log's name",
		ko: "%s 파일에는 이름이 %d개 있습니다(하드 링크). 그중 하나가 로그 이름을 단 비밀 파일일 수 있습니다",
	},
	AccessWhySwapped: {
		en: "%s changed between the check and the grant (it is now a link or another file); nothing was granted on it",
		ko: "%s 경로가 확인과 권한 부여 사이에 바뀌었습니다(링크나 다른 파일로 바뀜). 이 경로에는 권한을 주지 않았습니다",
	},
	ApplyFlagAllowPath: {
		en: "a directory outside /var/log where cwagent may be granted read access to the shipped logs (repeatable; never under /home, /root, /etc or a dot-directory)",
		ko: "/var/log 밖에서 cwagent에 전송할 로그의 읽기 권한을 줄 수 있는 디렉터리(여러 번 지정 가능, /home, /root, /etc, 점(.) 디렉터리 아래는 불가)",
	},
	ApplyErrAllowPath: {
		en: "--allow-path %q: %v; nothing was changed",
		ko: "--allow-path %q: %v. 아무것도 바꾸지 않았습니다",
	},
	ApplyWhyAllowAbs: {
		en: `give an absolute directory path without ".." (for example /srv/app/logs)`,
		ko: `".." 없는 절대 경로로 디렉터리를 지정하세요(예: /srv/app/logs)`,
	},
	ApplyWhyAllowRoot: {
		en: "/ would allow grants anywhere; name the directory that holds the logs",
		ko: "/를 지정하면 어디에나 권한을 줄 수 있게 됩니다. 로그가 있는 디렉터리를 지정하세요",
	},
})
