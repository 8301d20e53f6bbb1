package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands its callback a writer it has already opened
// with os.Create: the chosen file is created, or an existing one emptied,
// before the app writes anything. Scaleplan never writes through that
// writer: its saves and exports write a temporary file and rename it over
// the target, and may add an extension ("plan" → "plan.scaleplan"). So a
// name without the extension would leave an empty stray file, and a failed
// write would leave the user's previous file emptied.
//
// lazyFiles wraps fyne's file repository so that a writer creates or
// empties its file only on its first Write: the dialog's writer, closed
// unwritten, touches nothing.

// fileRepo is the set of repository interfaces fyne's file repository
// implements; the wrapper passes them all through.
type fileRepo interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.DeleteAllRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// lazyFiles is fyne's file repository with a Writer that opens its file on
// the first Write.
type lazyFiles struct{ fileRepo }

// Writer returns a writer that creates (or truncates) u's file on its
// first Write, through the wrapped repository; closed unwritten, it leaves
// the file system as it was.
func (r lazyFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: r.fileRepo.Writer}, nil
}

// lazyWriter opens its file on the first Write.
type lazyWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open(l.uri)
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}

// useLazyFileWriter installs lazyFiles for "file" URIs, once; it leaves
// the repository alone if fyne's no longer has the expected methods (the
// review test of Save As then fails).
func useLazyFileWriter() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(lazyFiles); done {
		return
	}
	if fr, ok := r.(fileRepo); ok {
		repository.Register("file", lazyFiles{fr})
	}
}
