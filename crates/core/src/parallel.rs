//! Many cores with the `parallel` feature (rayon), one without: the engine and the
//! check write `par_iter` once, and a build with no threads (the browser) runs the
//! same code on one.

/// Runs two independent tasks, on two cores when there are (`rayon::join`).
#[cfg(feature = "parallel")]
pub(crate) fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    rayon::join(a, b)
}

/// Runs two independent tasks one after the other.
#[cfg(not(feature = "parallel"))]
pub(crate) fn join<A, B>(a: impl FnOnce() -> A, b: impl FnOnce() -> B) -> (A, B) {
    (a(), b())
}

#[cfg(feature = "parallel")]
pub(crate) mod prelude {
    pub(crate) use rayon::prelude::*;
}

#[cfg(not(feature = "parallel"))]
pub(crate) mod prelude {
    /// A plain iterator with the few rayon adapters the core uses, on one thread
    /// and in order (as rayon's indexed iterators keep it).
    pub(crate) struct Sequential<I>(I);

    impl<I: Iterator> Iterator for Sequential<I> {
        type Item = I::Item;
        fn next(&mut self) -> Option<I::Item> {
            self.0.next()
        }
    }

    impl<I: Iterator> Sequential<I> {
        pub(crate) fn map<B, F: FnMut(I::Item) -> B>(
            self,
            f: F,
        ) -> Sequential<std::iter::Map<I, F>> {
            Sequential(self.0.map(f))
        }
        pub(crate) fn enumerate(self) -> Sequential<std::iter::Enumerate<I>> {
            Sequential(self.0.enumerate())
        }
        pub(crate) fn flat_map_iter<U: IntoIterator, F: FnMut(I::Item) -> U>(
            self,
            f: F,
        ) -> Sequential<std::iter::FlatMap<I, U, F>> {
            Sequential(self.0.flat_map(f))
        }
        pub(crate) fn map_init<S, B>(
            self,
            init: impl FnOnce() -> S,
            mut f: impl FnMut(&mut S, I::Item) -> B,
        ) -> Sequential<impl Iterator<Item = B>> {
            let mut state = init();
            Sequential(self.0.map(move |item| f(&mut state, item)))
        }
        pub(crate) fn reduce(
            self,
            identity: impl Fn() -> I::Item,
            op: impl Fn(I::Item, I::Item) -> I::Item,
        ) -> I::Item {
            self.0.fold(identity(), op)
        }
    }

    /// `par_iter` and `par_chunks` of a slice.
    pub(crate) trait ParallelSlice<T> {
        fn par_iter(&self) -> Sequential<std::slice::Iter<'_, T>>;
        fn par_chunks(&self, size: usize) -> Sequential<std::slice::Chunks<'_, T>>;
    }

    impl<T> ParallelSlice<T> for [T] {
        fn par_iter(&self) -> Sequential<std::slice::Iter<'_, T>> {
            Sequential(self.iter())
        }
        fn par_chunks(&self, size: usize) -> Sequential<std::slice::Chunks<'_, T>> {
            Sequential(self.chunks(size))
        }
    }

    /// `into_par_iter` of anything iterable.
    pub(crate) trait IntoParallelIterator: IntoIterator + Sized {
        fn into_par_iter(self) -> Sequential<Self::IntoIter> {
            Sequential(self.into_iter())
        }
    }

    impl<I: IntoIterator> IntoParallelIterator for I {}
}
