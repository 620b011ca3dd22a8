# Written by cwsetup: role, least-privilege inline policy and instance profile
# for the CloudWatch agent.

resource "aws_iam_role" "cwsetup_agent" {
  name               = "cwsetup-cloudwatch-agent"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {
            "Service": "ec2.amazonaws.com"
          },
          "Action": [
            "sts:AssumeRole"
          ]
        }
      ]
    }
  EOT
}

resource "aws_iam_role_policy" "cwsetup_agent" {
  name   = "cwsetup-cloudwatch-agent"
  role   = aws_iam_role.cwsetup_agent.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "ShipLogsUnderPrefix",
          "Effect": "Allow",
          "Action": [
            "logs:CreateLogStream",
            "logs:DescribeLogStreams",
            "logs:PutLogEvents"
          ],
          "Resource": [
            "arn:aws:logs:ap-northeast-2:123456789012:log-group:/ec2/*",
            "arn:aws:logs:ap-northeast-2:123456789012:log-group:/ec2/*:log-stream:*"
          ]
        },
        {
          "Sid": "ManageLogGroupsUnderPrefix",
          "Effect": "Allow",
          "Action": [
            "logs:CreateLogGroup",
            "logs:PutRetentionPolicy"
          ],
          "Resource": [
            "arn:aws:logs:ap-northeast-2:123456789012:log-group:/ec2/*"
          ]
        },
        {
          "Sid": "ListLogGroups",
          "Effect": "Allow",
          "Action": [
            "logs:DescribeLogGroups"
          ],
          "Resource": [
            "arn:aws:logs:ap-northeast-2:123456789012:log-group:*"
          ]
        },
        {
          "Sid": "PutAgentMetrics",
          "Effect": "Allow",
          "Action": [
            "cloudwatch:PutMetricData"
          ],
          "Resource": [
            "*"
          ],
          "Condition": {
            "StringEquals": {
              "cloudwatch:namespace": "CWAgent"
            }
          }
        }
      ]
    }
  EOT
}

resource "aws_iam_instance_profile" "cwsetup_agent" {
  name = "cwsetup-cloudwatch-agent"
  role = aws_iam_role.cwsetup_agent.name
}
