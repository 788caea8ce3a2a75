/*
 * sVimPy serial bootloader for the ATmega328p boot section (512 bytes at 0x7E00).
 *
 * Speaks the STK500v1 subset that `avrdude -c arduino` uses, at 115200 baud, so avrdude,
 * the Arduino IDE and PlatformIO can write the flash through it. Fuses: BOOTSZ = 512 bytes
 * and BOOTRST (high fuse 0xDE), so every reset starts here.
 *
 *  - An external reset (the DTR pulse of a USB-serial bridge, the reset button) enters the
 *    loader; without a host for about one second the watchdog resets the chip and, seeing a
 *    watchdog reset, the loader starts the application at once. Power-on and brown-out
 *    resets start the application at once too.
 *  - It never erases or writes its own section.
 *  - At 0x7E02 it offers applications a page-write entry, do_spm (as Optiboot 8 does), so a
 *    running firmware can take a new image over the serial line itself.
 */
#include <avr/io.h>
#include <avr/boot.h>
#include <avr/pgmspace.h>

#define BOOT_START 0x7E00u
#define UBRR_115200 16 /* with U2X: 16 MHz / (8 * 17) = 117,647 baud, +2.1 %, as on an Uno */

/* Version reported for STK_GET_PARAMETER (avrdude prints it). */
#define VERSION_MAJOR 1
#define VERSION_MINOR 0

/* STK500v1 */
#define STK_OK 0x10
#define STK_INSYNC 0x14
#define CRC_EOP 0x20
#define STK_GET_PARAMETER 0x41
#define STK_SET_DEVICE 0x42
#define STK_SET_DEVICE_EXT 0x45
#define STK_LEAVE_PROGMODE 0x51
#define STK_LOAD_ADDRESS 0x55
#define STK_UNIVERSAL 0x56
#define STK_PROG_PAGE 0x64
#define STK_READ_PAGE 0x74
#define STK_READ_SIGN 0x75
#define STK_SW_MAJOR 0x81
#define STK_SW_MINOR 0x82

/* Watchdog settings (WDTCSR values). */
#define WATCHDOG_OFF 0
#define WATCHDOG_16MS _BV(WDE)
#define WATCHDOG_1S (_BV(WDP2) | _BV(WDP1) | _BV(WDE))

void boot_main(void) __attribute__((naked, noreturn, used));
void do_spm(uint16_t address, uint8_t command, uint16_t data) __attribute__((used));

/* The first words of the boot section: the reset entry, then the page-write entry. */
void entry_table(void) __attribute__((naked, section(".vectors"), used));
void entry_table(void)
{
    asm volatile("rjmp boot_main\n\trjmp do_spm\n");
}

/* .noinit: no start-up code clears it (the loader has no C run-time start-up at all). */
static uint8_t page_buffer[SPM_PAGESIZE] __attribute__((section(".noinit")));

static void watchdog_config(uint8_t setting)
{
    /* The second store must follow the first within 4 cycles: both values are in registers
       first. The WDR after them starts the new timeout from now (simavr 1.6 also applies a
       changed prescaler only from the next WDR). */
    asm volatile(
        "sts %[wdtcsr], %[change]\n\t"
        "sts %[wdtcsr], %[setting]\n\t"
        "wdr\n\t"
        :
        : [wdtcsr] "n"(_SFR_MEM_ADDR(WDTCSR)), [change] "r"((uint8_t)(_BV(WDCE) | _BV(WDE))),
          [setting] "r"(setting));
}

static void putch(uint8_t c)
{
    while (!(UCSR0A & _BV(UDRE0))) {
    }
    UDR0 = c;
}

static uint8_t getch(void)
{
    while (!(UCSR0A & _BV(RXC0))) {
    }
    /* Only a cleanly received byte proves a host is there: then the 1 s timeout restarts. */
    if (!(UCSR0A & _BV(FE0))) {
        asm volatile("wdr");
    }
    return UDR0;
}

/* A command must end with CRC_EOP; anything else means we lost the host: reset into the app. */
static void end_of_command(void)
{
    if (getch() != CRC_EOP) {
        watchdog_config(WATCHDOG_16MS);
        for (;;) {
        }
    }
    putch(STK_INSYNC);
}

static void skip_then_end(uint8_t count)
{
    do {
        getch();
    } while (--count);
    end_of_command();
}

static void start_application(uint8_t reset_cause) __attribute__((noreturn));
static void start_application(uint8_t reset_cause)
{
    GPIOR0 = reset_cause; /* the application can still learn why it was reset */
    watchdog_config(WATCHDOG_OFF);
    asm volatile("jmp 0\n");
    __builtin_unreachable();
}

/*
 * Page-write entry for applications (reached through the rjmp at 0x7E02):
 * command is a SPMCSR value (page erase, page fill with data, page write, or RWW enable).
 * Interrupts are held off for the SPM and the flash is readable again when it returns.
 */
void do_spm(uint16_t address, uint8_t command, uint16_t data)
{
    if (address >= BOOT_START) {
        return; /* never our own section */
    }
    uint8_t sreg = SREG;
    asm volatile("cli");
    while (EECR & _BV(EEPE)) {
        /* SPM must not start while an EEPROM write is in progress */
    }
    asm volatile(
        "movw r0, %[data]\n\t"
        "out %[spmcsr], %[command]\n\t"
        "spm\n\t"
        "clr r1\n\t"
        :
        : [data] "r"(data), [spmcsr] "I"(_SFR_IO_ADDR(SPMCSR)), [command] "r"(command), "z"(address)
        : "r0");
    boot_spm_busy_wait();
    if (command & (_BV(PGERS) | _BV(PGWRT))) {
        boot_rww_enable();
    }
    SREG = sreg;
}

static void write_flash_page(uint16_t address)
{
    do_spm(address, _BV(PGERS) | _BV(SPMEN), 0);
    for (uint8_t i = 0; i < SPM_PAGESIZE; i += 2) {
        uint16_t word = page_buffer[i] | ((uint16_t)page_buffer[i + 1] << 8);
        do_spm(address + i, _BV(SPMEN), word);
    }
    do_spm(address, _BV(PGWRT) | _BV(SPMEN), 0);
}

void boot_main(void)
{
    asm volatile("clr r1");
    uint8_t reset_cause = MCUSR;
    MCUSR = 0;
    if (!(reset_cause & _BV(EXTRF))) {
        start_application(reset_cause);
    }
    watchdog_config(WATCHDOG_1S);

    UCSR0A = _BV(U2X0);
    UCSR0B = _BV(RXEN0) | _BV(TXEN0);
    UBRR0L = UBRR_115200;

    uint16_t address = 0; /* byte address */
    for (;;) {
        uint8_t command = getch();
        if (command == STK_GET_PARAMETER) {
            uint8_t which = getch();
            end_of_command();
            putch(which == STK_SW_MAJOR ? VERSION_MAJOR : which == STK_SW_MINOR ? VERSION_MINOR : 0x03);
        } else if (command == STK_SET_DEVICE) {
            skip_then_end(20);
        } else if (command == STK_SET_DEVICE_EXT) {
            /* Its first byte counts itself and the parameters after it: avrdude sends
               4 (3 parameters) to a loader reporting version 1.0, 5 from version 1.11. */
            skip_then_end(getch() - 1);
        } else if (command == STK_LOAD_ADDRESS) {
            address = getch();
            address |= (uint16_t)getch() << 8;
            address += address; /* word address to byte address */
            end_of_command();
        } else if (command == STK_UNIVERSAL) {
            skip_then_end(4);
            putch(0x00);
        } else if (command == STK_PROG_PAGE || command == STK_READ_PAGE) {
            getch(); /* length, high byte: always 0 for pages of at most 256 bytes */
            uint8_t length = getch();
            uint8_t memtype = getch(); /* 'F' flash; EEPROM ('E') is not supported */
            if (command == STK_PROG_PAGE) {
                for (uint8_t i = 0; i < length; i++) {
                    page_buffer[i] = getch();
                }
                end_of_command();
                /* Flash only (the image lives in flash); avrdude sends whole pages, and
                   do_spm refuses the boot section itself. */
                if (memtype == 'F') {
                    write_flash_page(address);
                }
            } else {
                end_of_command();
                for (uint8_t i = 0; i < length; i++) {
                    putch(pgm_read_byte(address));
                    address++;
                }
            }
        } else if (command == STK_READ_SIGN) {
            end_of_command();
            putch(SIGNATURE_0);
            putch(SIGNATURE_1);
            putch(SIGNATURE_2);
        } else if (command == STK_LEAVE_PROGMODE) {
            watchdog_config(WATCHDOG_16MS); /* reset into the application once the reply is out */
            end_of_command();
        } else {
            /* get sync, enter programming mode and the rest: just acknowledge */
            end_of_command();
        }
        putch(STK_OK);
    }
}
