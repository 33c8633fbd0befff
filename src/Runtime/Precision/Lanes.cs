using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RopeGen
{
    /// <summary>
    /// The 32-bit integer lane operations the 16-bit conversions need, for one vector width, so that each conversion is
    /// written once (<see cref="HalfFormat"/>, <see cref="BFloat16Format"/>) and the JIT specializes it per width. A vector
    /// holds <see cref="Count"/> lanes of float bit patterns or of 16-bit values widened to 32 bits.
    /// </summary>
    internal interface ILanes<TVector> where TVector : struct
    {
        /// <summary>32-bit lanes per vector.</summary>
        static abstract int Count { get; }

        /// <summary>2 × <see cref="Count"/> 16-bit values from <paramref name="index"/> on, each zero-extended to 32 bits.</summary>
        static abstract (TVector Lower, TVector Upper) LoadWidened(ref ushort source, int index);

        /// <summary>The low 16 bits of each lane of both vectors, stored from <paramref name="index"/> on.</summary>
        static abstract void StoreNarrowed(TVector lower, TVector upper, ref ushort destination, int index);

        /// <summary>The bits of <see cref="Count"/> floats.</summary>
        static abstract TVector Load(ref float source, int index);

        /// <summary>Stores lanes as float bits.</summary>
        static abstract void Store(TVector bits, ref float destination, int index);

        static abstract TVector Create(uint value);

        static abstract TVector And(TVector left, TVector right);

        static abstract TVector Or(TVector left, TVector right);

        static abstract TVector Add(TVector left, TVector right);

        static abstract TVector Subtract(TVector left, TVector right);

        static abstract TVector ShiftLeft(TVector value, int count);

        /// <summary>Logical (zero-filling) right shift.</summary>
        static abstract TVector ShiftRight(TVector value, int count);

        /// <summary>Unsigned minimum.</summary>
        static abstract TVector Min(TVector left, TVector right);

        /// <summary>All ones where <paramref name="left"/> &gt; <paramref name="right"/> (unsigned), else zero.</summary>
        static abstract TVector GreaterThan(TVector left, TVector right);

        /// <summary>Bits of <paramref name="whenTrue"/> where <paramref name="mask"/> is set, else of <paramref name="whenFalse"/>.</summary>
        static abstract TVector Select(TVector mask, TVector whenTrue, TVector whenFalse);

        /// <summary>Adds the lanes as floats (rounding to nearest even), returning the sum's bits.</summary>
        static abstract TVector AddAsSingle(TVector left, TVector right);

        /// <summary>Subtracts the lanes as floats, returning the difference's bits.</summary>
        static abstract TVector SubtractAsSingle(TVector left, TVector right);
    }

    internal readonly struct Lanes512 : ILanes<Vector512<uint>>
    {
        public static int Count => Vector512<uint>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector512<uint> Lower, Vector512<uint> Upper) LoadWidened(ref ushort source, int index) =>
            Vector512.Widen(Vector512.LoadUnsafe(ref source, (nuint)index));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrowed(Vector512<uint> lower, Vector512<uint> upper, ref ushort destination, int index) =>
            Vector512.Narrow(lower, upper).StoreUnsafe(ref destination, (nuint)index);

        public static Vector512<uint> Load(ref float source, int index) => Vector512.LoadUnsafe(ref source, (nuint)index).AsUInt32();
        public static void Store(Vector512<uint> bits, ref float destination, int index) => bits.AsSingle().StoreUnsafe(ref destination, (nuint)index);
        public static Vector512<uint> Create(uint value) => Vector512.Create(value);
        public static Vector512<uint> And(Vector512<uint> left, Vector512<uint> right) => left & right;
        public static Vector512<uint> Or(Vector512<uint> left, Vector512<uint> right) => left | right;
        public static Vector512<uint> Add(Vector512<uint> left, Vector512<uint> right) => left + right;
        public static Vector512<uint> Subtract(Vector512<uint> left, Vector512<uint> right) => left - right;
        public static Vector512<uint> ShiftLeft(Vector512<uint> value, int count) => Vector512.ShiftLeft(value, count);
        public static Vector512<uint> ShiftRight(Vector512<uint> value, int count) => Vector512.ShiftRightLogical(value, count);
        public static Vector512<uint> Min(Vector512<uint> left, Vector512<uint> right) => Vector512.Min(left, right);
        public static Vector512<uint> GreaterThan(Vector512<uint> left, Vector512<uint> right) => Vector512.GreaterThan(left, right);
        public static Vector512<uint> Select(Vector512<uint> mask, Vector512<uint> whenTrue, Vector512<uint> whenFalse) =>
            Vector512.ConditionalSelect(mask, whenTrue, whenFalse);
        public static Vector512<uint> AddAsSingle(Vector512<uint> left, Vector512<uint> right) => (left.AsSingle() + right.AsSingle()).AsUInt32();
        public static Vector512<uint> SubtractAsSingle(Vector512<uint> left, Vector512<uint> right) => (left.AsSingle() - right.AsSingle()).AsUInt32();
    }

    internal readonly struct Lanes256 : ILanes<Vector256<uint>>
    {
        public static int Count => Vector256<uint>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector256<uint> Lower, Vector256<uint> Upper) LoadWidened(ref ushort source, int index) =>
            Vector256.Widen(Vector256.LoadUnsafe(ref source, (nuint)index));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrowed(Vector256<uint> lower, Vector256<uint> upper, ref ushort destination, int index) =>
            Vector256.Narrow(lower, upper).StoreUnsafe(ref destination, (nuint)index);

        public static Vector256<uint> Load(ref float source, int index) => Vector256.LoadUnsafe(ref source, (nuint)index).AsUInt32();
        public static void Store(Vector256<uint> bits, ref float destination, int index) => bits.AsSingle().StoreUnsafe(ref destination, (nuint)index);
        public static Vector256<uint> Create(uint value) => Vector256.Create(value);
        public static Vector256<uint> And(Vector256<uint> left, Vector256<uint> right) => left & right;
        public static Vector256<uint> Or(Vector256<uint> left, Vector256<uint> right) => left | right;
        public static Vector256<uint> Add(Vector256<uint> left, Vector256<uint> right) => left + right;
        public static Vector256<uint> Subtract(Vector256<uint> left, Vector256<uint> right) => left - right;
        public static Vector256<uint> ShiftLeft(Vector256<uint> value, int count) => Vector256.ShiftLeft(value, count);
        public static Vector256<uint> ShiftRight(Vector256<uint> value, int count) => Vector256.ShiftRightLogical(value, count);
        public static Vector256<uint> Min(Vector256<uint> left, Vector256<uint> right) => Vector256.Min(left, right);
        public static Vector256<uint> GreaterThan(Vector256<uint> left, Vector256<uint> right) => Vector256.GreaterThan(left, right);
        public static Vector256<uint> Select(Vector256<uint> mask, Vector256<uint> whenTrue, Vector256<uint> whenFalse) =>
            Vector256.ConditionalSelect(mask, whenTrue, whenFalse);
        public static Vector256<uint> AddAsSingle(Vector256<uint> left, Vector256<uint> right) => (left.AsSingle() + right.AsSingle()).AsUInt32();
        public static Vector256<uint> SubtractAsSingle(Vector256<uint> left, Vector256<uint> right) => (left.AsSingle() - right.AsSingle()).AsUInt32();
    }

    internal readonly struct Lanes128 : ILanes<Vector128<uint>>
    {
        public static int Count => Vector128<uint>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (Vector128<uint> Lower, Vector128<uint> Upper) LoadWidened(ref ushort source, int index) =>
            Vector128.Widen(Vector128.LoadUnsafe(ref source, (nuint)index));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void StoreNarrowed(Vector128<uint> lower, Vector128<uint> upper, ref ushort destination, int index) =>
            Vector128.Narrow(lower, upper).StoreUnsafe(ref destination, (nuint)index);

        public static Vector128<uint> Load(ref float source, int index) => Vector128.LoadUnsafe(ref source, (nuint)index).AsUInt32();
        public static void Store(Vector128<uint> bits, ref float destination, int index) => bits.AsSingle().StoreUnsafe(ref destination, (nuint)index);
        public static Vector128<uint> Create(uint value) => Vector128.Create(value);
        public static Vector128<uint> And(Vector128<uint> left, Vector128<uint> right) => left & right;
        public static Vector128<uint> Or(Vector128<uint> left, Vector128<uint> right) => left | right;
        public static Vector128<uint> Add(Vector128<uint> left, Vector128<uint> right) => left + right;
        public static Vector128<uint> Subtract(Vector128<uint> left, Vector128<uint> right) => left - right;
        public static Vector128<uint> ShiftLeft(Vector128<uint> value, int count) => Vector128.ShiftLeft(value, count);
        public static Vector128<uint> ShiftRight(Vector128<uint> value, int count) => Vector128.ShiftRightLogical(value, count);
        public static Vector128<uint> Min(Vector128<uint> left, Vector128<uint> right) => Vector128.Min(left, right);
        public static Vector128<uint> GreaterThan(Vector128<uint> left, Vector128<uint> right) => Vector128.GreaterThan(left, right);
        public static Vector128<uint> Select(Vector128<uint> mask, Vector128<uint> whenTrue, Vector128<uint> whenFalse) =>
            Vector128.ConditionalSelect(mask, whenTrue, whenFalse);
        public static Vector128<uint> AddAsSingle(Vector128<uint> left, Vector128<uint> right) => (left.AsSingle() + right.AsSingle()).AsUInt32();
        public static Vector128<uint> SubtractAsSingle(Vector128<uint> left, Vector128<uint> right) => (left.AsSingle() - right.AsSingle()).AsUInt32();
    }
}
