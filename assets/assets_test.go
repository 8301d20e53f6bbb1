package assets

import (
	"os"
	"testing"
)

func TestModelsMarkdownMatchesDocs(t *testing.T) {
	docs, err := os.ReadFile("../docs/MODELS.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(docs) != ModelsMarkdown {
		t.Fatal("assets/MODELS.md differs from docs/MODELS.md: run `make docs`")
	}
}
