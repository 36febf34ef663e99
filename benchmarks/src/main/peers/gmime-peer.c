/*
 * The native side of the parser comparison: GMime 3 (C) over the same files as the other peers.
 *
 * Each mail is parsed from memory with g_mime_parser_construct_message, and every leaf part's content is decoded
 * (its transfer encoding undone into a memory stream), as a reader of complaints would. Usage:
 *   gmime-peer <list-file> <loops> <warm-up>
 * prints "messages seconds messages-per-second", like mailparser-peer.mjs and email-peer.py.
 */
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    char *bytes;
    size_t length;
} Mail;

static void decode_leaf(GMimeObject *parent, GMimeObject *part, gpointer data) {
    long *found = data;
    (void) parent;
    if (GMIME_IS_MESSAGE_PART(part)) {
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
        if (inner != NULL) {
            g_mime_message_foreach(inner, decode_leaf, data);
        }
        return;
    }
    if (!GMIME_IS_PART(part)) {
        return;
    }
    GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(part));
    if (content == NULL) {
        return;
    }
    GMimeStream *decoded = g_mime_stream_mem_new();
    *found += g_mime_data_wrapper_write_to_stream(content, decoded) > 0 ? 1 : 0;
    g_object_unref(decoded);
}

static long read_mail(const Mail *mail) {
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(mail->bytes, mail->length);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *message = g_mime_parser_construct_message(parser, NULL);
    long found = 0;
    if (message != NULL) {
        const char *subject = g_mime_message_get_subject(message);
        found += subject != NULL ? (long) strlen(subject) : 0;
        g_mime_message_foreach(message, decode_leaf, &found);
        g_object_unref(message);
    }
    g_object_unref(parser);
    g_object_unref(stream);
    return found;
}

static int read_file(const char *name, Mail *mail) {
    FILE *file = fopen(name, "rb");
    if (file == NULL) {
        return -1;
    }
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    fseek(file, 0, SEEK_SET);
    mail->bytes = malloc(length > 0 ? (size_t) length : 1);
    mail->length = fread(mail->bytes, 1, (size_t) length, file);
    fclose(file);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: gmime-peer <list-file> <loops> <warm-up>\n");
        return 2;
    }
    int loops = atoi(argv[2]);
    int warm_up = atoi(argv[3]);
    FILE *list = fopen(argv[1], "r");
    if (list == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    size_t count = 0, capacity = 128;
    Mail *mails = malloc(capacity * sizeof(Mail));
    char line[4096];
    while (fgets(line, sizeof line, list) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0') {
            continue;
        }
        if (count == capacity) {
            capacity *= 2;
            mails = realloc(mails, capacity * sizeof(Mail));
        }
        if (read_file(line, &mails[count]) != 0) {
            fprintf(stderr, "cannot read %s\n", line);
            return 2;
        }
        count++;
    }
    fclose(list);

    g_mime_init();
    long sink = 0;
    for (int pass = 0; pass < warm_up; pass++) {
        for (size_t i = 0; i < count; i++) {
            sink += read_mail(&mails[i]);
        }
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int pass = 0; pass < loops; pass++) {
        for (size_t i = 0; i < count; i++) {
            sink += read_mail(&mails[i]);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double) (end.tv_sec - start.tv_sec) + (double) (end.tv_nsec - start.tv_nsec) / 1e9;
    long messages = (long) loops * (long) count;
    printf("%ld %.3f %.1f\n", messages, seconds, (double) messages / seconds);
    if (sink < 0) {
        printf("%ld\n", sink);
    }
    g_mime_shutdown();
    return 0;
}
