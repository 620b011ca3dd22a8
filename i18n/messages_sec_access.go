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
})
