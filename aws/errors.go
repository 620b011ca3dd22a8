package aws

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"

	"github.com/cwsetup/cwsetup/i18n"
)

// SetupPermissions are the permissions an administrator needs to run
// `cwsetup iam setup` (reference/iam.md); printed when AWS denies a call.
var SetupPermissions = []string{
	"sts:GetCallerIdentity",
	"iam:GetRole", "iam:CreateRole", "iam:UpdateAssumeRolePolicy",
	"iam:GetRolePolicy", "iam:PutRolePolicy",
	"iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:GetPolicy", "iam:GetPolicyVersion",
	"iam:GetInstanceProfile", "iam:CreateInstanceProfile", "iam:AddRoleToInstanceProfile",
	"iam:PassRole (on the role only)",
	"ec2:DescribeIamInstanceProfileAssociations", "ec2:AssociateIamInstanceProfile",
	"ec2:ReplaceIamInstanceProfileAssociation (only to replace an association)",
}

// OptionalPermissions are needed only for log groups and security alarms.
var OptionalPermissions = []string{
	"logs:DescribeLogGroups", "logs:CreateLogGroup", "logs:PutRetentionPolicy",
	"logs:PutMetricFilter", "logs:DescribeMetricFilters", "logs:TestMetricFilter",
	"cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms",
}

var servicePrefix = map[string]string{
	"IAM": "iam", "EC2": "ec2", "STS": "sts", "CloudWatch Logs": "logs", "CloudWatch": "cloudwatch",
}

// Action names the IAM action of a failed SDK call ("iam:CreateRole"), or
// "" when err did not come from an SDK operation.
func Action(err error) string {
	var oe *smithy.OperationError
	if !errors.As(err, &oe) {
		return ""
	}
	p, ok := servicePrefix[oe.ServiceID]
	if !ok {
		p = strings.ToLower(strings.ReplaceAll(oe.ServiceID, " ", ""))
	}
	return p + ":" + oe.OperationName
}

// ErrorCode is the AWS error code of err ("AccessDenied"), or "".
func ErrorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// Explain turns an error from the SDK into a localized explanation with the
// next step. Errors that are already localized, and context cancellation,
// pass through unchanged.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	var le *i18n.Error
	if errors.As(err, &le) || errors.Is(err, context.Canceled) {
		return err
	}
	action := Action(err)
	if action == "" {
		action = "AWS"
	}
	code := ErrorCode(err)
	msg := ""
	var ae smithy.APIError
	if errors.As(err, &ae) {
		msg = ae.ErrorMessage()
	}
	var ne net.Error
	if (code == "" || code == "UnknownError") && httpStatus(err) == 403 {
		// A 403 whose body the SDK could not read (moto enforcing IAM
		// answers so) is still a denial.
		code = "AccessDenied"
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return i18n.Errorf(i18n.AWSErrTimeout, action)
	case strings.Contains(err.Error(), "failed to refresh cached credentials") ||
		strings.Contains(err.Error(), "no EC2 IMDS role found") ||
		strings.Contains(err.Error(), "failed to retrieve credentials"):
		return i18n.Errorf(i18n.AWSErrNoCredentials)
	case strings.Contains(err.Error(), "Invalid Configuration: Missing Region") ||
		strings.Contains(err.Error(), "could not resolve endpoint") && strings.Contains(err.Error(), "Region"):
		return i18n.UsageErrorf(i18n.AWSErrNoRegion)
	case code == "AccessDenied" || code == "AccessDeniedException" || code == "UnauthorizedOperation" ||
		code == "AuthorizationError" || code == "UnauthorizedAccess":
		return i18n.Errorf(i18n.AWSErrAccessDenied, action, code, "  "+strings.Join(SetupPermissions, "\n  "),
			"  "+strings.Join(OptionalPermissions, "\n  "))
	case code == "ExpiredToken" || code == "ExpiredTokenException" || code == "RequestExpired":
		return i18n.Errorf(i18n.AWSErrExpired, action, code)
	case code == "InvalidClientTokenId" || code == "SignatureDoesNotMatch" || code == "UnrecognizedClientException" ||
		code == "AuthFailure":
		return i18n.Errorf(i18n.AWSErrBadCredentials, action, code)
	case code == "EntityAlreadyExists" || code == "ResourceAlreadyExistsException":
		return i18n.Errorf(i18n.AWSErrAlreadyExists, action, msg)
	case code == "LimitExceeded" || code == "LimitExceededException":
		return i18n.Errorf(i18n.AWSErrLimitExceeded, action, msg)
	case code == "IncorrectState" || code == "IncorrectInstanceState":
		return i18n.Errorf(i18n.AWSErrIncorrectState, action, msg)
	case retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err).Bool() ||
		code == "Throttling" || code == "ThrottlingException" || code == "RequestLimitExceeded":
		return i18n.Errorf(i18n.AWSErrThrottled, action, code)
	case code == "NoSuchEntity" || code == "ResourceNotFoundException" || strings.HasPrefix(code, "InvalidInstanceID"):
		return i18n.Errorf(i18n.AWSErrNotFound, action, msg)
	case code == "MalformedPolicyDocument" || code == "InvalidParameterValue" || code == "InvalidParameterException" ||
		code == "ValidationError":
		return i18n.Errorf(i18n.AWSErrInvalid, action, code, msg)
	case code == "":
		if errors.As(err, &ne) || strings.Contains(err.Error(), "dial tcp") {
			return i18n.Errorf(i18n.AWSErrNetwork, action, err)
		}
	}
	return i18n.Errorf(i18n.AWSErrOther, action, err)
}
