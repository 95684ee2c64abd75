/* A termb-compatible reader library for the vendor backend's tests.
 *
 * Same calls and conventions as the vendor SDKs (return 1 = success, strings in the
 * caller's buffer with their length), but the "card" is a key=value file named by the
 * environment variable TERMB_SIM_DATA, re-read on every call so a test can swap cards.
 * Values are copied byte for byte (the tests write them in GBK, as real SDKs deliver).
 * Control keys: init_rc, auth_rc, read_rc (default 1), photo_len (default 0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 1024

static int is_open = 0;
static int content_read = 0;

static int lookup(const char *key, char *out, int out_size) {
    const char *path = getenv("TERMB_SIM_DATA");
    FILE *f;
    char line[MAX_LINE];
    size_t key_len = strlen(key);
    if (!path || !(f = fopen(path, "rb"))) return 0;
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (strncmp(line, key, key_len) == 0 && line[key_len] == '=') {
            snprintf(out, (size_t)out_size, "%s", line + key_len + 1);
            fclose(f);
            return 1;
        }
    }
    fclose(f);
    return 0;
}

static int control(const char *key, int fallback) {
    char value[32];
    return lookup(key, value, sizeof value) ? atoi(value) : fallback;
}

int CVR_InitComm(int port) {
    if (port <= 0) return 2;
    is_open = control("init_rc", 1) == 1;
    return is_open ? 1 : 2;
}

int CVR_CloseComm(void) { is_open = 0; content_read = 0; return 1; }

int CVR_Authenticate(void) {
    if (!is_open) return 0;
    return control("auth_rc", 1);
}

int CVR_Read_Content(int active) {
    (void)active;
    if (!is_open) return 0;
    content_read = control("read_rc", 1) == 1;
    return content_read ? 1 : 0;
}

static int field(const char *key, char *buf, int *len) {
    char value[MAX_LINE];
    if (!content_read || !buf || !len) return 0;
    if (!lookup(key, value, sizeof value)) { buf[0] = '\0'; *len = 0; return 0; }
    if ((int)strlen(value) >= *len) return 0;
    strcpy(buf, value);
    *len = (int)strlen(value);
    return 1;
}

int GetPeopleName(char *b, int *l) { return field("name", b, l); }
int GetPeopleSex(char *b, int *l) { return field("sex", b, l); }
int GetPeopleNation(char *b, int *l) { return field("nation", b, l); }
int GetPeopleBirthday(char *b, int *l) { return field("birthday", b, l); }
int GetPeopleAddress(char *b, int *l) { return field("address", b, l); }
int GetPeopleIDCode(char *b, int *l) { return field("idcode", b, l); }
int GetDepartment(char *b, int *l) { return field("department", b, l); }
int GetStartDate(char *b, int *l) { return field("startdate", b, l); }
int GetEndDate(char *b, int *l) { return field("enddate", b, l); }
int GetCertType(char *b, int *l) { return field("certtype", b, l); }
int GetPeopleEnglishName(char *b, int *l) { return field("name_en", b, l); }
int GetPeopleChineseName(char *b, int *l) { return field("name_cn", b, l); }
int GetNationalityCode(char *b, int *l) { return field("nationality", b, l); }
int GetPassCheckID(char *b, int *l) { return field("pass_number", b, l); }
int GetIssuesNum(char *b, int *l) { return field("issue_count", b, l); }

int GetBMPData(unsigned char *b, int *l) {
    int n = control("photo_len", 0), i;
    if (!content_read || n <= 0 || !l || n > *l) return 0;
    for (i = 0; i < n; i++) b[i] = (unsigned char)((i * 7) & 0xff);
    b[0] = 'B'; if (n > 1) b[1] = 'M';
    *l = n;
    return 1;
}
