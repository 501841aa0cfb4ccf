// Package nativecli runs the Rust command line the Go module's tests compare with, for the
// tests of the library and of cmd/icp-validate alike.
package nativecli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Path is the Rust command line: $ICP_VALIDATE_NATIVE, else the debug build in the target/ of
// the repository at repoRoot. Without one the calling test is skipped, unless
// ICP_VALIDATE_NATIVE is set (as bindings/go/test.sh sets it), when a missing binary fails it.
func Path(t testing.TB, repoRoot string) string {
	t.Helper()
	path := os.Getenv("ICP_VALIDATE_NATIVE")
	required := path != ""
	if path == "" {
		path = filepath.Join(repoRoot, "target/debug/icp-validate")
	}
	if _, err := os.Stat(path); err != nil {
		if required {
			t.Fatalf("ICP_VALIDATE_NATIVE=%s: %v", path, err)
		}
		t.Skipf("no native command line at %s (cargo build --bin icp-validate)", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// Run runs the Rust command line with stdin and args and returns its stdout and exit status.
func Run(t testing.TB, repoRoot string, stdin []byte, args ...string) ([]byte, int) {
	t.Helper()
	cmd := exec.Command(Path(t, repoRoot), args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return out, exit.ExitCode()
	}
	if err != nil {
		t.Fatalf("icp-validate %v: %v (%s)", args, err, stderr.String())
	}
	return out, 0
}
