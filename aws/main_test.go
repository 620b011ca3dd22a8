package aws

import (
	"os"
	"testing"

	"github.com/cwsetup/cwsetup/internal/testpeer"
)

func TestMain(m *testing.M) { os.Exit(testpeer.RunMain(m)) }
