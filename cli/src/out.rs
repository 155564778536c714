//! Every byte the CLI writes goes through here, so that no write can panic.
//!
//! `print!`/`println!` panic when standard output is closed or full ("failed printing to stdout",
//! exit 101); they are denied in this crate (`clippy::print_stdout`, `clippy::print_stderr`).
//! Instead:
//!
//! - standard output: [`Out`] (a buffered writer) and the macros `out!`/`outln!`. A closed pipe
//!   (`EPIPE`, e.g. `gasdev check … | head -1`) ends the program quietly with exit 0, like other
//!   Unix tools; any other write error (`/dev/full`, a failing disk) prints one message on
//!   standard error and exits 2.
//! - standard error: `err!`/`errln!`, which ignore write errors (there is nowhere left to report
//!   them).

use std::io::{self, Write};

/// Exit quietly (status 0) on a closed pipe; on any other error say so and exit 2.
pub fn fail(e: &io::Error) -> ! {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let _ = writeln!(io::stderr(), "gasdev: cannot write the output: {e}");
    std::process::exit(2);
}

/// Buffered standard output whose writes never fail: an error ends the program (see [`fail`]).
pub struct Out {
    inner: io::BufWriter<io::StdoutLock<'static>>,
}

impl Out {
    /// Standard output, locked and buffered.
    pub fn new() -> Out {
        Out {
            inner: io::BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }

    /// Flush what is buffered (also done when the writer is dropped).
    pub fn done(&mut self) {
        if let Err(e) = self.inner.flush() {
            fail(&e);
        }
    }
}

impl Default for Out {
    fn default() -> Self {
        Out::new()
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.inner.write(buf) {
            Ok(n) => Ok(n),
            Err(e) => fail(&e),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self.inner.flush() {
            Ok(()) => Ok(()),
            Err(e) => fail(&e),
        }
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        self.done();
    }
}

/// Write text to standard output and flush it (see [`fail`] for errors).
pub fn print(s: &str) {
    let mut o = io::stdout().lock();
    if let Err(e) = o.write_all(s.as_bytes()).and_then(|()| o.flush()) {
        fail(&e);
    }
}

/// Write text to standard error, ignoring errors.
pub fn eprint(s: &str) {
    let _ = io::stderr().lock().write_all(s.as_bytes());
}

/// `print!` that cannot panic.
macro_rules! out {
    ($($t:tt)*) => { $crate::out::print(&format!($($t)*)) };
}

/// `println!` that cannot panic.
macro_rules! outln {
    () => { $crate::out::print("\n") };
    ($($t:tt)*) => {{ let mut s = format!($($t)*); s.push('\n'); $crate::out::print(&s) }};
}

/// `eprint!` that cannot panic.
macro_rules! err {
    ($($t:tt)*) => { $crate::out::eprint(&format!($($t)*)) };
}

/// `eprintln!` that cannot panic.
macro_rules! errln {
    () => { $crate::out::eprint("\n") };
    ($($t:tt)*) => {{ let mut s = format!($($t)*); s.push('\n'); $crate::out::eprint(&s) }};
}
