// Excerpt: the members that differ from SnapshotTests.Llama31HalfSplit (the whole file)
        /// <summary>
        /// M-RoPE: rotates <paramref name="x"/>, laid out <c>[tokens, numHeads, RopeGenRotary.HeadDim]</c> row-major, in place.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major as transformers' <c>position_ids</c>:
        /// every token's temporal id, then every height id, then every width id. Each pair turns with its axis's id,
        /// sections [16, 24, 24] (Qwen2-VL): the first 16 pairs turn with the temporal id, the next 24 with the height id, the last 24 with the width id.
        /// A token whose three ids are equal (text) is rotated exactly as <c>ApplyRotary</c> rotates it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative or a head count &lt;= 0; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<float> x, global::System.ReadOnlySpan<int> positions, int numHeads)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(x.Length, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            RopeGenRotary.RotateMultimodal(x, numHeads, default, 0, positions, 0, tokens, maxPosition);
        }

        /// <summary>
        /// M-RoPE: rotates <paramref name="x"/>, laid out <c>[tokens, numHeads, RopeGenRotary.HeadDim]</c> row-major, in place.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major as transformers' <c>position_ids</c>:
        /// every token's temporal id, then every height id, then every width id. Each pair turns with its axis's id,
        /// sections [16, 24, 24] (Qwen2-VL): the first 16 pairs turn with the temporal id, the next 24 with the height id, the last 24 with the width id.
        /// A token whose three ids are equal (text) is rotated exactly as <c>ApplyRotary</c> rotates it.
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative, a head count &lt;= 0 or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<float> x, global::System.ReadOnlySpan<int> positions, int numHeads, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(x.Length, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            RopeGenRotary.RotateMultimodal(x, numHeads, default, 0, positions, 0, tokens, maxPosition);
        }

        /// <summary>
        /// M-RoPE for queries <paramref name="q"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin; q and k must not overlap.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major as transformers' <c>position_ids</c>:
        /// every token's temporal id, then every height id, then every width id. Each pair turns with its axis's id,
        /// sections [16, 24, 24] (Qwen2-VL): the first 16 pairs turn with the temporal id, the next 24 with the height id, the last 24 with the width id.
        /// A token whose three ids are equal (text) is rotated exactly as <c>ApplyRotary</c> rotates it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative or a head count &lt;= 0; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<float> q, int numQueryHeads, global::System.Span<float> k, int numKeyValueHeads, global::System.ReadOnlySpan<int> positions)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
            global::RopeGen.RotaryGuard.CheckDisjoint<float>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            RopeGenRotary.RotateMultimodal(q, numQueryHeads, k, numKeyValueHeads, positions, 0, tokens, maxPosition);
        }

        /// <summary>
        /// M-RoPE for queries <paramref name="q"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin; q and k must not overlap.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major as transformers' <c>position_ids</c>:
        /// every token's temporal id, then every height id, then every width id. Each pair turns with its axis's id,
        /// sections [16, 24, 24] (Qwen2-VL): the first 16 pairs turn with the temporal id, the next 24 with the height id, the last 24 with the width id.
        /// A token whose three ids are equal (text) is rotated exactly as <c>ApplyRotary</c> rotates it.
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative, a head count &lt;= 0 or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<float> q, int numQueryHeads, global::System.Span<float> k, int numKeyValueHeads, global::System.ReadOnlySpan<int> positions, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
            global::RopeGen.RotaryGuard.CheckDisjoint<float>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            RopeGenRotary.RotateMultimodal(q, numQueryHeads, k, numKeyValueHeads, positions, 0, tokens, maxPosition);
        }

        /// <summary>
        /// M-RoPE on the fp16 (<see cref="global::System.Half"/>) buffer <paramref name="x"/>, laid out <c>[tokens, numHeads, RopeGenRotary.HeadDim]</c>, in place,
        /// like <see cref="ApplyMultimodalRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)"/>.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to
        /// nearest (ties to even): the result is the float rotation of the input, rounded.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<global::System.Half> x, global::System.ReadOnlySpan<int> positions, int numHeads)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(x.Length, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.StagedRotation.ApplyMultimodal<RopeGenRotary.MultimodalFloatRotation, global::System.Half>(default, x, numHeads, default, 0, positions, maxPosition);
        }

        /// <summary>
        /// M-RoPE on the fp16 (<see cref="global::System.Half"/>) buffer <paramref name="x"/>, laid out <c>[tokens, numHeads, RopeGenRotary.HeadDim]</c>, in place,
        /// like <see cref="ApplyMultimodalRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)"/>.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to
        /// nearest (ties to even): the result is the float rotation of the input, rounded.
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<global::System.Half> x, global::System.ReadOnlySpan<int> positions, int numHeads, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(x.Length, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            global::RopeGen.StagedRotation.ApplyMultimodal<RopeGenRotary.MultimodalFloatRotation, global::System.Half>(default, x, numHeads, default, 0, positions, maxPosition);
        }

        /// <summary>
        /// M-RoPE on fp16 (<see cref="global::System.Half"/>) queries <paramref name="q"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin; q and k must not overlap.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to
        /// nearest (ties to even): the result is the float rotation of the input, rounded.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative or a head count &lt;= 0; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<global::System.Half> q, int numQueryHeads, global::System.Span<global::System.Half> k, int numKeyValueHeads, global::System.ReadOnlySpan<int> positions)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
            global::RopeGen.RotaryGuard.CheckDisjoint<global::System.Half>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.StagedRotation.ApplyMultimodal<RopeGenRotary.MultimodalFloatRotation, global::System.Half>(default, q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition);
        }

        /// <summary>
        /// M-RoPE on fp16 (<see cref="global::System.Half"/>) queries <paramref name="q"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin; q and k must not overlap.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to
        /// nearest (ties to even): the result is the float rotation of the input, rounded.
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative or a head count &lt;= 0, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<global::System.Half> q, int numQueryHeads, global::System.Span<global::System.Half> k, int numKeyValueHeads, global::System.ReadOnlySpan<int> positions, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
            global::RopeGen.RotaryGuard.CheckDisjoint<global::System.Half>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            global::RopeGen.StagedRotation.ApplyMultimodal<RopeGenRotary.MultimodalFloatRotation, global::System.Half>(default, q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition);
        }

        /// <summary>
        /// M-RoPE on the bfloat16 (<see cref="global::RopeGen.BFloat16"/>) buffer <paramref name="x"/>, laid out <c>[tokens, numHeads, RopeGenRotary.HeadDim]</c>, in place,
        /// like <see cref="ApplyMultimodalRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)"/>.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to
        /// nearest (ties to even): the result is the float rotation of the input, rounded.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<global::RopeGen.BFloat16> x, global::System.ReadOnlySpan<int> positions, int numHeads)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(x.Length, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.StagedRotation.ApplyMultimodal<RopeGenRotary.MultimodalFloatRotation, global::RopeGen.BFloat16>(default, x, numHeads, default, 0, positions, maxPosition);
        }

        /// <summary>
        /// M-RoPE on the bfloat16 (<see cref="global::RopeGen.BFloat16"/>) buffer <paramref name="x"/>, laid out <c>[tokens, numHeads, RopeGenRotary.HeadDim]</c>, in place,
        /// like <see cref="ApplyMultimodalRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)"/>.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to
        /// nearest (ties to even): the result is the float rotation of the input, rounded.
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, the length does not match, a position is negative or <paramref name="numHeads"/> &lt;= 0, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<global::RopeGen.BFloat16> x, global::System.ReadOnlySpan<int> positions, int numHeads, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(x.Length, tokens, numHeads, RopeGenRotary.HeadDim, "x", "numHeads");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            global::RopeGen.StagedRotation.ApplyMultimodal<RopeGenRotary.MultimodalFloatRotation, global::RopeGen.BFloat16>(default, x, numHeads, default, 0, positions, maxPosition);
        }

        /// <summary>
        /// M-RoPE on bfloat16 (<see cref="global::RopeGen.BFloat16"/>) queries <paramref name="q"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin; q and k must not overlap.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to
        /// nearest (ties to even): the result is the float rotation of the input, rounded.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative or a head count &lt;= 0; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<global::RopeGen.BFloat16> q, int numQueryHeads, global::System.Span<global::RopeGen.BFloat16> k, int numKeyValueHeads, global::System.ReadOnlySpan<int> positions)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
            global::RopeGen.RotaryGuard.CheckDisjoint<global::RopeGen.BFloat16>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.StagedRotation.ApplyMultimodal<RopeGenRotary.MultimodalFloatRotation, global::RopeGen.BFloat16>(default, q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition);
        }

        /// <summary>
        /// M-RoPE on bfloat16 (<see cref="global::RopeGen.BFloat16"/>) queries <paramref name="q"/> <c>[tokens, numQueryHeads, HeadDim]</c> and keys <paramref name="k"/>
        /// <c>[tokens, numKeyValueHeads, HeadDim]</c> in one pass, sharing each token's cos/sin; q and k must not overlap.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is widened to float, rotated with the same tables and arithmetic as the float overload, and rounded once to
        /// nearest (ties to even): the result is the float rotation of the input, rounded.
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, q and k overlap, a position is negative or a head count &lt;= 0, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void ApplyMultimodalRotary(global::System.Span<global::RopeGen.BFloat16> q, int numQueryHeads, global::System.Span<global::RopeGen.BFloat16> k, int numKeyValueHeads, global::System.ReadOnlySpan<int> positions, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckFusedLayout(q.Length, numQueryHeads, k.Length, numKeyValueHeads, tokens, RopeGenRotary.HeadDim);
            global::RopeGen.RotaryGuard.CheckDisjoint<global::RopeGen.BFloat16>(q, global::RopeGen.HeadView.Contiguous(numQueryHeads), k, global::RopeGen.HeadView.Contiguous(numKeyValueHeads), tokens, RopeGenRotary.HeadDim, "q", "k");
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            global::RopeGen.StagedRotation.ApplyMultimodal<RopeGenRotary.MultimodalFloatRotation, global::RopeGen.BFloat16>(default, q, numQueryHeads, k, numKeyValueHeads, positions, maxPosition);
        }

        /// <summary>
        /// M-RoPE for new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), written token t into row
        /// <c>slots[t]</c> of the float cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every
        /// other row is left as it was.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// The rows written equal what <see cref="ApplyMultimodalRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)"/> computes in place, bit for bit.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void RotateMultimodalInto(global::System.ReadOnlySpan<float> source, global::System.ReadOnlySpan<int> positions, int numHeads, global::System.Span<float> cache, global::System.ReadOnlySpan<int> slots)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(source.Length, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
            global::RopeGen.RotaryGuard.CheckSlots(slots, tokens, cache.Length, numHeads, RopeGenRotary.HeadDim);
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.StagedRotation.RotateMultimodalInto<RopeGenRotary.MultimodalFloatRotation, float>(default, source, positions, numHeads, cache, slots, maxPosition);
        }

        /// <summary>
        /// M-RoPE for new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), written token t into row
        /// <c>slots[t]</c> of the float cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every
        /// other row is left as it was.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// The rows written equal what <see cref="ApplyMultimodalRotary(global::System.Span{float}, global::System.ReadOnlySpan{int}, int)"/> computes in place, bit for bit.
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void RotateMultimodalInto(global::System.ReadOnlySpan<float> source, global::System.ReadOnlySpan<int> positions, int numHeads, global::System.Span<float> cache, global::System.ReadOnlySpan<int> slots, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(source.Length, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
            global::RopeGen.RotaryGuard.CheckSlots(slots, tokens, cache.Length, numHeads, RopeGenRotary.HeadDim);
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            global::RopeGen.StagedRotation.RotateMultimodalInto<RopeGenRotary.MultimodalFloatRotation, float>(default, source, positions, numHeads, cache, slots, maxPosition);
        }

        /// <summary>
        /// M-RoPE for new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), written token t into row
        /// <c>slots[t]</c> of the fp16 (<see cref="global::System.Half"/>) cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every
        /// other row is left as it was.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is rotated in float, as the float overloads rotate it, and rounded once to nearest (ties to even).
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void RotateMultimodalInto(global::System.ReadOnlySpan<float> source, global::System.ReadOnlySpan<int> positions, int numHeads, global::System.Span<global::System.Half> cache, global::System.ReadOnlySpan<int> slots)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(source.Length, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
            global::RopeGen.RotaryGuard.CheckSlots(slots, tokens, cache.Length, numHeads, RopeGenRotary.HeadDim);
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.StagedRotation.RotateMultimodalInto<RopeGenRotary.MultimodalFloatRotation, global::System.Half>(default, source, positions, numHeads, cache, slots, maxPosition);
        }

        /// <summary>
        /// M-RoPE for new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), written token t into row
        /// <c>slots[t]</c> of the fp16 (<see cref="global::System.Half"/>) cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every
        /// other row is left as it was.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is rotated in float, as the float overloads rotate it, and rounded once to nearest (ties to even).
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void RotateMultimodalInto(global::System.ReadOnlySpan<float> source, global::System.ReadOnlySpan<int> positions, int numHeads, global::System.Span<global::System.Half> cache, global::System.ReadOnlySpan<int> slots, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(source.Length, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
            global::RopeGen.RotaryGuard.CheckSlots(slots, tokens, cache.Length, numHeads, RopeGenRotary.HeadDim);
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            global::RopeGen.StagedRotation.RotateMultimodalInto<RopeGenRotary.MultimodalFloatRotation, global::System.Half>(default, source, positions, numHeads, cache, slots, maxPosition);
        }

        /// <summary>
        /// M-RoPE for new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), written token t into row
        /// <c>slots[t]</c> of the bfloat16 (<see cref="global::RopeGen.BFloat16"/>) cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every
        /// other row is left as it was.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is rotated in float, as the float overloads rotate it, and rounded once to nearest (ties to even).
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void RotateMultimodalInto(global::System.ReadOnlySpan<float> source, global::System.ReadOnlySpan<int> positions, int numHeads, global::System.Span<global::RopeGen.BFloat16> cache, global::System.ReadOnlySpan<int> slots)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(source.Length, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
            global::RopeGen.RotaryGuard.CheckSlots(slots, tokens, cache.Length, numHeads, RopeGenRotary.HeadDim);
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.StagedRotation.RotateMultimodalInto<RopeGenRotary.MultimodalFloatRotation, global::RopeGen.BFloat16>(default, source, positions, numHeads, cache, slots, maxPosition);
        }

        /// <summary>
        /// M-RoPE for new keys <paramref name="source"/> <c>[tokens, numHeads, HeadDim]</c> (left unchanged), written token t into row
        /// <c>slots[t]</c> of the bfloat16 (<see cref="global::RopeGen.BFloat16"/>) cache <paramref name="cache"/> <c>[capacity, numHeads, HeadDim]</c>, in one pass; every
        /// other row is left as it was.
        /// <paramref name="positions"/> holds three ids per token, <c>[3, tokens]</c> axis-major (every temporal id, then every height id, then every width id).
        /// Each value is rotated in float, as the float overloads rotate it, and rounded once to nearest (ties to even).
        /// <paramref name="sequenceLength"/> is checked against the positions; M-RoPE's static kinds do not depend on it.
        /// </summary>
        /// <exception cref="global::System.ArgumentException">The positions are not 3 × tokens, a length does not match, a position is negative, <paramref name="numHeads"/> &lt;= 0, or a slot is out of range or repeated, or <paramref name="sequenceLength"/> does not exceed every position; nothing is written.</exception>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static void RotateMultimodalInto(global::System.ReadOnlySpan<float> source, global::System.ReadOnlySpan<int> positions, int numHeads, global::System.Span<global::RopeGen.BFloat16> cache, global::System.ReadOnlySpan<int> slots, int sequenceLength)
        {
            int tokens = global::RopeGen.RotaryGuard.MultimodalTokenCount(positions.Length);
            global::RopeGen.RotaryGuard.CheckLayout(source.Length, tokens, numHeads, RopeGenRotary.HeadDim, "source", "numHeads");
            global::RopeGen.RotaryGuard.CheckSlots(slots, tokens, cache.Length, numHeads, RopeGenRotary.HeadDim);
            int maxPosition = global::RopeGen.RotaryGuard.MaxPosition(positions);
            global::RopeGen.RotaryGuard.CheckSequenceLength(sequenceLength, maxPosition);
            global::RopeGen.StagedRotation.RotateMultimodalInto<RopeGenRotary.MultimodalFloatRotation, global::RopeGen.BFloat16>(default, source, positions, numHeads, cache, slots, maxPosition);
        }

// ...
        /// <summary>The RoPE configuration of this class, resolved at build time by RopeGen, its cos/sin tables and the kernel bodies.</summary>
        [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
        public static partial class RopeGenRotary
        {
            /// <summary>Width of one attention head.</summary>
            public const int HeadDim = 128;

            /// <summary>Leading dimensions of each head that are rotated; the rest pass through.</summary>
            public const int RotaryDim = 128;

            /// <summary>Rotation pairs per head, RotaryDim / 2.</summary>
            public const int PairCount = 64;

            /// <summary>Which coordinates form a pair.</summary>
            public const global::RopeGen.RotaryLayout Layout = global::RopeGen.RotaryLayout.HalfSplit;

            /// <summary>The frequency scaling kind.</summary>
            public const global::RopeGen.RopeScaling Scaling = global::RopeGen.RopeScaling.None;

            /// <summary>The factor folded into every cos and sin (YaRN / LongRoPE magnitude correction; 1 otherwise).</summary>
            public const double AttentionFactor = 1.0d;

            /// <summary>Floats in the cos half (and in the sin half) of a table row.</summary>
            public const int RowWidth = 64;

            /// <summary>Floats per table row: RowWidth cos values, then RowWidth sin values.</summary>
            public const int RowStride = 128;

            /// <summary>θ_i of each pair in radians per position.</summary>
            public static global::System.ReadOnlySpan<double> InverseFrequencies => new double[]
            {
                1.0d, 0.80584218776148187d, 0.64938163157621132d, 0.5232991146814947d,
                0.42169650342858228d, 0.33982083289425591d, 0.27384196342643613d, 0.22067340690845899d,
                0.17782794100389226d, 0.14330125702369628d, 0.1154781984689458d, 0.0930572040929699d,
                0.074989420933245579d, 0.060429639023813278d, 0.048696752516586311d, 0.039241897584845357d,
                0.031622776601683791d, 0.025482967479793464d, 0.020535250264571463d, 0.016548170999431816d,
                0.013335214321633241d, 0.010746078283213174d, 0.0086596432336006526d, 0.0069783058485986633d,
                0.005623413251903491d, 0.0045315836376008181d, 0.0036517412725483771d, 0.0029427271762092816d,
                0.0023713737056616549d, 0.0019109529749704406d, 0.0015399265260594918d, 0.0012409377607517195d,
                0.001d, 0.0008058421877614819d, 0.00064938163157621123d, 0.00052329911468149473d,
                0.00042169650342858229d, 0.00033982083289425591d, 0.00027384196342643616d, 0.00022067340690845895d,
                0.00017782794100389227d, 0.00014330125702369627d, 0.00011547819846894582d, 9.3057204092969901E-05d,
                7.4989420933245586E-05d, 6.0429639023813276E-05d, 4.8696752516586312E-05d, 3.9241897584845363E-05d,
                3.1622776601683795E-05d, 2.5482967479793468E-05d, 2.0535250264571462E-05d, 1.6548170999431813E-05d,
                1.3335214321633241E-05d, 1.0746078283213174E-05d, 8.6596432336006536E-06d, 6.978305848598664E-06d,
                5.6234132519034912E-06d, 4.531583637600818E-06d, 3.6517412725483771E-06d, 2.9427271762092821E-06d,
                2.3713737056616552E-06d, 1.9109529749704404E-06d, 1.5399265260594919E-06d, 1.2409377607517195E-06d,
            };

            /// <summary>The same configuration as a run-time object, for the runtime's math and kernels.</summary>
            public static global::RopeGen.RotaryConfig Config { get; } = new global::RopeGen.RotaryConfig(128, 1000000.0d, global::RopeGen.RopeScaling.None) { MRopeSections = new int[] { 16, 24, 24 } };

            /// <summary>The cos/sin table, shared by every head, q and k and every call; grown on demand.</summary>
            public static global::RopeGen.RotaryTable Table { get; } = new global::RopeGen.RotaryTable(InverseFrequencies, AttentionFactor, Layout);

// ...
            /// <summary>Composes each token's cos/sin row from the table rows of its three position ids (sections [16, 24, 24]).</summary>
            public static global::RopeGen.MultimodalRows MultimodalRows { get; } = new global::RopeGen.MultimodalRows(Layout, new int[] { 16, 24, 24 }, false);

            /// <summary>Rotates a (and b, if it has heads), count tokens each, at the three position ids of tokens first on, positions laid out [3, tokens].</summary>
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            internal static void RotateMultimodal(global::System.Span<float> a, int headsA, global::System.Span<float> b, int headsB, global::System.ReadOnlySpan<int> positions, int first, int count, int maxPosition)
            {
                int tokens = positions.Length / 3;
                global::System.Span<float> scratch = stackalloc float[4 * RowStride];
                global::RopeGen.MultimodalRowReader rows = MultimodalRows.Begin(Table, maxPosition, scratch);
                ref float aRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
                ref float bRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
                bool wide = UseVector512(a.Length + b.Length);
                for (int t = 0; t < count; t++)
                {
                    int at = first + t;
                    ref float row = ref rows.Row(positions[at], positions[tokens + at], positions[2 * tokens + at]);
                    ref float aToken = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref aRef, t * headsA * HeadDim);
                    ref float bToken = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref bRef, t * headsB * HeadDim);
                    if (wide) RotateHeadsWide(ref row, ref aToken, headsA, ref bToken, headsB);
                    else RotateHeadsNarrow(ref row, ref aToken, headsA, ref bToken, headsB);
                }
            }

            /// <summary>This class's float M-RoPE, which <see cref="global::RopeGen.StagedRotation"/> drives for the Half, BFloat16 and cache-writing M-RoPE kernels.</summary>
            [global::System.CodeDom.Compiler.GeneratedCode("RopeGen", "VERSION")]
            [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
            internal readonly struct MultimodalFloatRotation : global::RopeGen.IMultimodalFloatRotation
            {
                /// <inheritdoc/>
                public int HeadDim => RopeGenRotary.HeadDim;

                /// <inheritdoc/>
                public void RotateMultimodal(global::System.Span<float> a, int headsA, global::System.Span<float> b, int headsB, global::System.ReadOnlySpan<int> positions, int first, int count, int maxPosition) =>
                    RopeGenRotary.RotateMultimodal(a, headsA, b, headsB, positions, first, count, maxPosition);
            }

