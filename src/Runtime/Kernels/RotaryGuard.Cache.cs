using System;
using System.Buffers;

namespace RopeGen
{
    public static partial class RotaryGuard
    {
        /// <summary>
        /// Checks the cache and slots of a <c>RotateInto</c> call: <paramref name="cacheLength"/> must be a whole number of
        /// rows (<c>[capacity, numHeads, headDim]</c>), and <paramref name="slots"/> must hold one row index per token, each
        /// from 0 to capacity − 1 and none twice (two tokens written into one row would leave only the last).
        /// </summary>
        /// <exception cref="ArgumentException">A check fails; the message names the slot and the capacity.</exception>
        public static void CheckSlots(ReadOnlySpan<int> slots, int tokens, int cacheLength, int numHeads, int headDim)
        {
            int capacity = TokenCount(cacheLength, numHeads, headDim, "cache", nameof(numHeads));
            if (slots.Length != tokens)
                throw new ArgumentException($"slots has {slots.Length} entries; expected {tokens}, one cache row per position.", nameof(slots));
            if (tokens == 0) return;
            // One bit per cache row marks the rows taken.
            int words = (capacity + 63) / 64;
            ulong[]? rented = words <= 256 ? null : ArrayPool<ulong>.Shared.Rent(words);
            Span<ulong> taken = rented is null ? stackalloc ulong[words] : rented.AsSpan(0, words);
            taken.Clear();
            try
            {
                for (int t = 0; t < slots.Length; t++)
                {
                    int slot = slots[t];
                    if ((uint)slot >= (uint)capacity)
                        throw new ArgumentException(
                            $"slots[{t}] is {slot}; expected a cache row from 0 to {capacity - 1} (the cache holds {capacity} rows of {numHeads} heads × {headDim}).",
                            nameof(slots));
                    ulong bit = 1UL << (slot & 63);
                    if ((taken[slot >> 6] & bit) != 0)
                        throw new ArgumentException(
                            $"slots[{t}] is {slot}, like slots[{slots.Slice(0, t).IndexOf(slot)}]; expected each cache row written by one token at most.",
                            nameof(slots));
                    taken[slot >> 6] |= bit;
                }
            }
            finally
            {
                if (rented is not null) ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }
}
