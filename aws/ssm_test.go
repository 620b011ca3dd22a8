package aws

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
)

func TestFleetDenialsNameTheirSide(t *testing.T) {
	denied := func(op string) error {
		return &smithy.OperationError{ServiceID: "SSM", OperationName: op,
			Err: &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "not authorized"}}
	}
	op := explainFleet(denied("SendCommand")).Error()
	if !strings.Contains(op, "ssm:SendCommand (AccessDeniedException)") || !strings.Contains(op, "on the document and the targeted instances") ||
		strings.Contains(op, "iam:CreateRole") {
		t.Errorf("operator: %s", op)
	}
	in := explainInstance(denied("GetParameter"), "/cwsetup/web:3").Error()
	if !strings.Contains(in, "ssm:GetParameter on /cwsetup/web:3") || !strings.Contains(in, "iam policy --fleet-parameter") {
		t.Errorf("instance: %s", in)
	}
	throttled := explainFleet(&smithy.OperationError{ServiceID: "SSM", OperationName: "ListCommandInvocations",
		Err: &smithy.GenericAPIError{Code: "ThrottlingException", Message: "Rate exceeded"}}).Error()
	if !strings.Contains(throttled, "ssm:ListCommandInvocations (ThrottlingException)") || strings.Contains(throttled, "continues where it stopped") {
		t.Errorf("throttled: %s", throttled)
	}
	if explainFleet(nil) != nil || explainInstance(nil, "x") != nil {
		t.Error("nil not nil")
	}
	other := explainFleet(&smithy.OperationError{ServiceID: "SSM", OperationName: "SendCommand", Err: errors.New("boom")})
	if other == nil || strings.Contains(other.Error(), "Operator permissions") {
		t.Errorf("other: %v", other)
	}
}
