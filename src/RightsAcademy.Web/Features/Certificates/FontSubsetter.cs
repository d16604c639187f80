using System.Runtime.InteropServices;
using SkiaSharp;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// Cuts a font down to the glyphs one certificate uses, keeping glyph ids (so the shaped glyphs stay valid), with
/// HarfBuzz's subsetter: Skia would otherwise embed whole fonts (hundreds of KB a PDF with Noto CJK).
/// HarfBuzzSharp has no wrapper for it, but its native library exports it.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Library = "libHarfBuzzSharp";
    private const uint NoHinting = 1u << 0;  // HB_SUBSET_FLAGS_NO_HINTING: a PDF viewer hints itself
    private const uint RetainGids = 1u << 1; // HB_SUBSET_FLAGS_RETAIN_GIDS

    /// <summary>A typeface holding only <paramref name="glyphs"/> (plus what maps <paramref name="codepoints"/>), or null if subsetting failed.</summary>
    public static SKTypeface? Subset(FontFace face, IEnumerable<ushort> glyphs, IEnumerable<int> codepoints)
    {
        var input = NativeMethods.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            NativeMethods.hb_subset_input_set_flags(input, NoHinting | RetainGids);
            var glyphSet = NativeMethods.hb_subset_input_glyph_set(input);
            NativeMethods.hb_set_add(glyphSet, 0); // .notdef, which every font must start with
            foreach (var glyph in glyphs)
            {
                NativeMethods.hb_set_add(glyphSet, glyph);
            }

            // The cmap of these characters lets Skia write the PDF's ToUnicode map, which text extraction reads.
            var unicodeSet = NativeMethods.hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints)
            {
                NativeMethods.hb_set_add(unicodeSet, (uint)codepoint);
            }

            var subset = NativeMethods.hb_subset_or_fail(face.HarfBuzzFace.Handle, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var blob = NativeMethods.hb_face_reference_blob(subset);
                try
                {
                    var data = NativeMethods.hb_blob_get_data(blob, out var length);
                    if (data == IntPtr.Zero || length == 0)
                    {
                        return null;
                    }

                    using var copy = SKData.CreateCopy(data, (long)length);
                    return SKTypeface.FromData(copy);
                }
                finally
                {
                    NativeMethods.hb_blob_destroy(blob);
                }
            }
            finally
            {
                NativeMethods.hb_face_destroy(subset);
            }
        }
        finally
        {
            NativeMethods.hb_subset_input_destroy(input);
        }
    }

    private static class NativeMethods
    {
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr hb_subset_input_create_or_fail();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void hb_subset_input_destroy(IntPtr input);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr hb_subset_input_glyph_set(IntPtr input);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void hb_set_add(IntPtr set, uint codepoint);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void hb_face_destroy(IntPtr face);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr hb_face_reference_blob(IntPtr face);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern void hb_blob_destroy(IntPtr blob);
    }
}
