package i18n

// Fleet status read from the command itself (ListCommands,
// ListCommandInvocations), --wait.
const (
	FleetFlagWait         Key = "fleet.flag.wait"
	FleetFlagInterval     Key = "fleet.flag.interval"
	FleetErrBadInterval   Key = "fleet.err.bad_interval"
	FleetStReading        Key = "fleet.st.reading"
	FleetStWaiting        Key = "fleet.st.waiting"
	FleetErrStatusPartial Key = "fleet.err.status_partial"
	FleetStCounts         Key = "fleet.st.counts"
	FleetStLogsMarker     Key = "fleet.st.logs_marker"
)

var _ = add(map[Key]text{
	FleetFlagWait: {
		en: "read again every --interval until the command is done (Success, Failed, TimedOut or Cancelled)",
		ko: "명령이 끝날 때까지(Success, Failed, TimedOut, Cancelled) --interval마다 다시 읽기",
	},
	FleetFlagInterval: {en: "how often --wait reads the command", ko: "--wait가 명령을 다시 읽는 간격"},
	FleetErrBadInterval: {
		en: "invalid --interval %s: at least 1s (each read costs ListCommands and ListCommandInvocations calls)",
		ko: "잘못된 --interval %s: 1초 이상이어야 합니다 (읽을 때마다 ListCommands와 ListCommandInvocations를 호출합니다)",
	},
	FleetStReading: {en: "read %d invocations…", ko: "호출 %d개 읽음…"},
	FleetStWaiting: {
		en: "command %s: %d ok, %d failed, %d running of %d; reading again in %v",
		ko: "명령 %s: %[5]d대 중 성공 %[2]d, 실패 %[3]d, 실행 중 %[4]d. %[6]v 뒤 다시 읽습니다",
	},
	FleetErrStatusPartial: {
		en: "reading stopped after %d of %d instances: %v. The lines above are those read; run fleet status again for the rest",
		ko: "인스턴스 %[2]d대 중 %[1]d대를 읽고 멈췄습니다: %[3]v. 위 목록은 읽은 만큼이며, 나머지는 fleet status를 다시 실행하세요",
	},
	FleetStLogsMarker: {en: "%s, marker arrived", ko: "%s, 확인 마커 도착"},
	FleetStCounts: {
		en: "Run Command counts: %d targeted, %d completed, %d errors, %d delivery timed out",
		ko: "실행 명령 집계: 대상 %d, 완료 %d, 오류 %d, 전달 시간 초과 %d",
	},
})
