using System;

namespace RopeGen
{
    /// <summary>
    /// M-RoPE position ids for a prompt, as Qwen2-VL's <c>get_rope_index</c> builds them: text tokens count up with the
    /// same id on all three axes; the tokens of an image (or video) grid take the ids of their (t, h, w) cell offset by
    /// the next text id; text after the grid continues from the largest id so far + 1.
    /// </summary>
    public static class MultimodalPositions
    {
        /// <summary>
        /// The ids, <c>[3, tokens]</c> axis-major (the layout <c>ApplyMultimodalRotary</c> takes), of
        /// <paramref name="textBefore"/> text tokens, one grid of <paramref name="gridT"/> × <paramref name="gridH"/> ×
        /// <paramref name="gridW"/> tokens, and <paramref name="textAfter"/> text tokens. The grid is the one the language
        /// model sees, after the vision merger (<c>image_grid_thw</c> with h and w divided by <c>spatial_merge_size</c>);
        /// its tokens come in t, h, w order (w fastest). The next token, when decoding, takes the id
        /// <c>firstPosition + textBefore + max(gridT, gridH, gridW) + textAfter</c> on all three axes.
        /// </summary>
        /// <param name="textBefore">Text tokens before the grid (including a vision-start token), 0 or more.</param>
        /// <param name="gridT">Temporal cells: 1 for an image, frames / temporal patch size for a video (Qwen2-VL ids; Qwen2.5-VL scales a video's temporal ids by time, which this does not).</param>
        /// <param name="gridH">Rows of merged patches, 1 or more.</param>
        /// <param name="gridW">Columns of merged patches, 1 or more.</param>
        /// <param name="textAfter">Text tokens after the grid, 0 or more.</param>
        /// <param name="firstPosition">The id of the first token (the tokens already in the KV cache), 0 or more.</param>
        /// <exception cref="ArgumentException">A count is out of range, or the tokens or ids do not fit an int.</exception>
        public static int[] TextAndImage(int textBefore, int gridT, int gridH, int gridW, int textAfter, int firstPosition = 0)
        {
            NotNegative(textBefore, nameof(textBefore));
            Positive(gridT, nameof(gridT));
            Positive(gridH, nameof(gridH));
            Positive(gridW, nameof(gridW));
            NotNegative(textAfter, nameof(textAfter));
            NotNegative(firstPosition, nameof(firstPosition));
            long cells = (long)gridT * gridH * gridW;
            long tokens = textBefore + cells + textAfter;
            long next = (long)firstPosition + textBefore + Math.Max(gridT, Math.Max(gridH, gridW)) + textAfter;
            if (MultimodalAxes.Count * tokens > Array.MaxLength || next > int.MaxValue)
                throw new ArgumentException(
                    $"{textBefore} + {gridT}×{gridH}×{gridW} + {textAfter} tokens from position {firstPosition}: {tokens} tokens reaching id {next}; expected 3 × tokens to fit an array and every id to fit an int.",
                    nameof(gridT));

            int count = (int)tokens;
            var ids = new int[MultimodalAxes.Count * count];
            int token = 0;
            for (int i = 0; i < textBefore; i++, token++) Text(ids, count, token, firstPosition + i);

            int start = firstPosition + textBefore;
            for (int t = 0; t < gridT; t++)
                for (int h = 0; h < gridH; h++)
                    for (int w = 0; w < gridW; w++, token++)
                    {
                        ids[MultimodalAxes.Temporal * count + token] = start + t;
                        ids[MultimodalAxes.Height * count + token] = start + h;
                        ids[MultimodalAxes.Width * count + token] = start + w;
                    }

            int after = start + Math.Max(gridT, Math.Max(gridH, gridW));
            for (int i = 0; i < textAfter; i++, token++) Text(ids, count, token, after + i);
            return ids;
        }

        private static void Text(int[] ids, int tokens, int token, int id)
        {
            for (int axis = 0; axis < MultimodalAxes.Count; axis++) ids[axis * tokens + token] = id;
        }

        private static void NotNegative(int value, string name)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; expected 0 or more.");
        }

        private static void Positive(int value, string name)
        {
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; expected 1 or more.");
        }
    }
}
