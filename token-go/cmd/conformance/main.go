// Command conformance runs the conformance vectors against the Go binding:
// every *.jsonl file of $AGORA_TOKEN_VECTORS, else of tests/vectors under the
// repository root. Its last line is `conformance[go]: N passed, M failed`; it
// exits non-zero when M > 0 or N = 0.
package main

import (
	"fmt"
	"os"

	"github.com/agoratoken/agoratoken/token-go/internal/conformance"
)

func main() {
	passed, failed := 0, 0
	dir, err := conformance.Dir()
	if err != nil {
		fmt.Println("FAIL", err)
		failed = 1
	} else {
		passed, failed = conformance.Run(dir, os.Stdout)
	}
	fmt.Printf("conformance[go]: %d passed, %d failed\n", passed, failed)
	if failed > 0 || passed == 0 {
		os.Exit(1)
	}
}
