package icpvalidate_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	icpvalidate "github.com/icp-validate/icp-validate/bindings/go"
)

func Example() {
	ctx := context.Background()
	// One Validator per process: it compiles the module once and is safe for concurrent use.
	v, err := icpvalidate.New(ctx, icpvalidate.WithLocale("en"))
	if err != nil {
		log.Fatal(err)
	}
	defer v.Close()

	ok, err := v.IsValid(ctx, "mobile", "13800138000", icpvalidate.Context{})
	fmt.Println(ok, err)

	r, err := v.ValidateField(ctx, "resident_id", "110105194912310021", icpvalidate.Context{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Valid, r.Errors[0].Code)
	fmt.Println(r.Errors[0].Message)
	// Output:
	// true <nil>
	// false resident_id.checksum
	// The check character does not match; a character is probably mistyped
}

func ExampleValidator_ValidateFiling() {
	ctx := context.Background()
	v, err := icpvalidate.New(ctx, icpvalidate.WithLocale("en"))
	if err != nil {
		log.Fatal(err)
	}
	defer v.Close()

	filing, err := os.ReadFile("../../examples/filings/website_with_mistakes.json")
	if err != nil {
		log.Fatal(err)
	}
	report, err := v.ValidateFiling(ctx, filing, icpvalidate.FilingOptions{Today: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(report.Valid, report.Provider, report.Summary.Errors)
	for _, e := range report.Errors[:2] {
		fmt.Println(e.Path, e.Code)
	}
	// Output:
	// false nwcd 5
	// entity.person_in_charge.certificate_number resident_id.checksum
	// services[0].name website_name.forbidden_word
}
