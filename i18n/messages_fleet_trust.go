package i18n

// Fleet: the archive digests `fleet apply` pins in the document.
const (
	FleetFlagChecksums    Key = "fleet.flag.checksums"
	FleetErrChecksums     Key = "fleet.err.checksums"
	FleetErrChecksumsRead Key = "fleet.err.checksums_read"
	FleetErrFetch         Key = "fleet.err.fetch"
	FleetAppDigest        Key = "fleet.app.digest"
	FleetAppDigestFrom    Key = "fleet.app.digest_from"
)

var _ = add(map[Key]text{
	FleetFlagChecksums: {
		en: "checksums file (sha256sum format) whose archive digests are pinned in the document (default: the release's checksums.txt)",
		ko: "문서에 고정할 아카이브 다이제스트를 담은 체크섬 파일(sha256sum 형식, 기본값: 릴리스의 checksums.txt)",
	},
	FleetErrChecksums: {
		en: "the checksums file has no valid SHA-256 for %s: give the release's checksums.txt (--checksums FILE or --release-url)",
		ko: "체크섬 파일에 %s의 올바른 SHA-256이 없습니다: 릴리스의 checksums.txt를 지정하세요 (--checksums 파일 또는 --release-url)",
	},
	FleetErrChecksumsRead: {
		en: "cannot read the checksums file %s: %v",
		ko: "체크섬 파일 %s: 읽을 수 없습니다 (%v)",
	},
	FleetErrFetch: {
		en: "cannot download %s: %v. Download it yourself, check it, and give it with --checksums FILE",
		ko: "다운로드 실패 %s: %v. 직접 내려받아 확인한 뒤 --checksums 파일로 지정하세요",
	},
	FleetAppDigest: {
		en: "  pinned SHA-256 of %s: %s",
		ko: "  %s의 고정 SHA-256: %s",
	},
	FleetAppDigestFrom: {
		en: "  (digests from %s; instances install only an archive with exactly this digest)",
		ko: "  (다이제스트 출처: %s. 인스턴스는 이 다이제스트와 정확히 같은 아카이브만 설치합니다)",
	},
})
