package vn.portal.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFoldTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  Văn hóa – Xã hội '|van hoa - xa hoi",
            "van hoa - xa hoi|van hoa - xa hoi",
            "Vũ Văn Diện|vu van dien",
            "ĐẢNG BỘ Đà Nẵng|dang bo da nang",
            "Quốc phòng — An ninh|quoc phong - an ninh",
            "a‐b‒c−d|a-b-c-d",
            "'Xây   dựng\tĐảng\n hệ thống'|xay dung dang he thong",
            "Ưu tiên Ơn|uu tien on",
            "Nguyễn Thị Ánh Tuyết|nguyen thi anh tuyet",
            "''|''"
    })
    void foldsAsTheContractSays(String input, String folded) {
        assertEquals(folded, TextFold.fold(input));
    }

    @Test
    void decomposedAndComposedFormsFoldAlike() {
        String composed = "Việt";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertEquals(TextFold.fold(composed), TextFold.fold(decomposed));
    }

    @Test
    void nullStaysNull() {
        assertEquals(null, TextFold.fold(null));
    }

    @Test
    void queryWordsAreFolded() {
        assertEquals(List.of("dien", "vu"), TextFold.words("  Diện   VŨ "));
        assertEquals(List.of(), TextFold.words("   "));
        assertEquals(List.of(), TextFold.words(null));
    }

    @Test
    void searchTextKeepsFieldsApart() {
        assertEquals("vu van dien\nban tuyen giao", TextFold.searchText("Vũ Văn Diện", null, " ", "Ban Tuyên giáo"));
    }

    @Test
    void likePatternsTakeWildcardsLiterally() {
        assertEquals("%50\\%\\_a\\\\b%", TextFold.containsPattern("50%_a\\b"));
    }
}
