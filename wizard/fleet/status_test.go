package fleet

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// pagedCommands is a Commands that lists invocations in pages, as
// ListCommandInvocations does, and can fail at one page (a throttled
// call after the SDK's retries).
type pagedCommands struct {
	cmd      CommandInfo
	pages    [][]Invocation
	failAt   int // page index that fails; -1 never
	detail   map[string]*Invocation
	detailed []string
}

func (c *pagedCommands) Send(context.Context, Send) (string, error) { return "", nil }
func (c *pagedCommands) Command(context.Context, string) (*CommandInfo, error) {
	return &c.cmd, nil
}
func (c *pagedCommands) Invocation(_ context.Context, _, id string) (*Invocation, error) {
	c.detailed = append(c.detailed, id)
	if inv, ok := c.detail[id]; ok {
		return inv, nil
	}
	return nil, &NotFoundError{What: "invocation", Name: id}
}
func (c *pagedCommands) Invocations(_ context.Context, _ string, each func([]Invocation) error) error {
	for i, p := range c.pages {
		if i == c.failAt {
			return errors.New("ThrottlingException: Rate exceeded")
		}
		if err := each(p); err != nil {
			return err
		}
	}
	return nil
}

type managedOnly map[string]Managed

func (m managedOnly) Instances(context.Context, []Target, []string) ([]Instance, error) {
	panic("fleet status must not look the targets up again")
}
func (m managedOnly) Managed(_ context.Context, ids []string) (map[string]Managed, error) {
	out := map[string]Managed{}
	for _, id := range ids {
		if v, ok := m[id]; ok {
			out[id] = v
		}
	}
	return out, nil
}

func TestReadStatusFromTheCommand(t *testing.T) {
	ok := Result{Summary: "config applied and verified"}.Line()
	var pages [][]Invocation
	for p := 0; p < 3; p++ {
		var page []Invocation
		for i := 0; i < 50; i++ {
			page = append(page, Invocation{InstanceID: fmt.Sprintf("i-%017x", p*50+i), Status: "Success", Details: "Success", Stdout: ok})
		}
		pages = append(pages, page)
	}
	// One invocation's result line lies beyond the list's 2,500 characters.
	long := strings.Repeat("noise\n", 500)
	pages[1][7] = Invocation{InstanceID: pages[1][7].InstanceID, Status: "Failed", Details: "Failed", Code: 1, Stdout: long[:2500], Truncated: true}
	cmds := &pagedCommands{
		cmd: CommandInfo{ID: "c1", Status: "Failed", Parameters: map[string][]string{AnswersParam: {"/x:1"}},
			Counts: CommandCounts{Targets: 150, Completed: 150, Errors: 1}},
		pages: pages, failAt: -1,
		detail: map[string]*Invocation{pages[1][7].InstanceID: {InstanceID: pages[1][7].InstanceID, Status: "Failed", Code: 1,
			Stdout: long + Result{Exit: 1, Step: "fetch-config", Summary: "rejected"}.Line()}},
	}
	noParams := paramsNone{}
	ports := Ports{Cmds: cmds, Inv: managedOnly{}, Params: noParams}
	var progress []int
	st, err := ReadStatus(context.Background(), ports, StatusRequest{CommandID: "c1"}, func(n int) { progress = append(progress, n) })
	if err != nil {
		t.Fatal(err)
	}
	if st.Totals.Instances != 150 || st.Totals.OK != 149 || st.Totals.FailedBy["fetch-config"] != 1 || st.Incomplete ||
		fmt.Sprint(progress) != "[50 100 150]" || len(cmds.detailed) != 1 || st.Counts.Targets != 150 {
		t.Errorf("totals %+v progress %v detailed %v counts %+v", st.Totals, progress, cmds.detailed, st.Counts)
	}

	// Throttled at the third page: the first 100 are kept, with the error.
	cmds.failAt, cmds.detailed = 2, nil
	st, err = ReadStatus(context.Background(), ports, StatusRequest{CommandID: "c1"}, nil)
	if err == nil || st == nil || !st.Incomplete || st.Totals.Instances != 100 {
		t.Fatalf("partial: %v %+v", err, st)
	}

	// Ids the command named with no invocation: not reached (managed) or
	// not SSM-managed.
	cmds.failAt = -1
	cmds.cmd.InstanceIDs = []string{pages[0][0].InstanceID, "i-0000000000000aaaa", "i-0000000000000bbbb"}
	ports.Inv = managedOnly{"i-0000000000000aaaa": {PingStatus: "Online"}}
	st, err = ReadStatus(context.Background(), ports, StatusRequest{CommandID: "c1"}, nil)
	if err != nil || st.Totals.Instances != 152 || st.Totals.NotReached != 1 || st.Totals.NotManaged != 1 {
		t.Errorf("%v %+v", err, st.Totals)
	}
}

type paramsNone struct{}

func (paramsNone) Get(_ context.Context, name string) (*Parameter, error) {
	return nil, &NotFoundError{What: "parameter", Name: name}
}
func (paramsNone) Put(context.Context, string, string, string, string) (int64, error) { return 0, nil }
func (paramsNone) History(context.Context, string) ([]Parameter, error)               { return nil, nil }
