//! Threads for the work that feeds the library's one writing thread.
//!
//! An import and an analysis each run as a pipeline: threads parse or
//! analyse articles, and one thread writes them to the library, batch by
//! batch, in order. The writing thread is the critical path (it is busy
//! three quarters of the time), yet with as many workers as cores the
//! scheduler shares the cores evenly among all of them, so the writer got
//! about two thirds of a core while the others ran. The workers here run
//! at a lower priority instead: the writer takes a core whenever it has
//! work, and the workers have every cycle it leaves.

/// How much lower than normal the workers run (a nice value, 0 to 19).
/// Ten gives a normal thread about ten times a worker's share of a shared
/// core, which is what "whenever it has work" needs; the workers still get
/// any core nothing else wants.
const WORKER_NICENESS: i32 = 10;

/// A pool of one worker a core whose threads run below normal priority;
/// none when the threads cannot be started, and the caller then runs its
/// work on rayon's global pool at normal priority.
pub(crate) fn worker_pool() -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("sourcetrace-worker-{i}"))
        .start_handler(|_| lower_priority())
        .build()
        .ok()
}

/// Lowers the calling thread's priority. On Linux a thread is a task of its
/// own, and `setpriority` with who = 0 changes only the caller. Elsewhere
/// (and where it fails) the thread keeps its priority: only the speed of
/// the pipeline depends on it.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority takes plain integers and changes no memory.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, WORKER_NICENESS);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// The calling thread's nice value.
    fn niceness() -> i32 {
        // SAFETY: getpriority takes plain integers and changes no memory.
        unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
    }

    #[test]
    fn workers_run_below_the_writer_and_leave_it_alone() {
        let writer = niceness();
        let pool = worker_pool().expect("a pool of workers");
        let workers: Vec<i32> = pool.install(|| {
            use rayon::prelude::*;
            (0..64).into_par_iter().map(|_| niceness()).collect()
        });
        // A process already niced further than the workers' level (a CI
        // runner under `nice`) keeps its own: a thread cannot raise its
        // priority without privileges.
        let expected = writer.max(WORKER_NICENESS);
        assert!(workers.iter().all(|&n| n == expected), "workers at {workers:?}, expected {expected}");
        assert_eq!(niceness(), writer, "the calling thread keeps its priority");
    }
}
